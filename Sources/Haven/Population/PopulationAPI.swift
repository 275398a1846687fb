import Fluent
import Vapor

/// A population count as the API reads and writes it.
struct PopulationCountBody: Content {
    var id: UUID?
    var siteId: UUID?
    var countedOn: CalendarDay
    var households: Int
    var individuals: Int
    var disaggregated: Bool
    var female0To4: Int?, female5To11: Int?, female12To17: Int?, female18To59: Int?, female60Plus: Int?
    var male0To4: Int?, male5To11: Int?, male12To17: Int?, male18To59: Int?, male60Plus: Int?
    var personsWithDisabilities: Int?
    var unaccompaniedSeparatedChildren: Int?
    var femaleHeadedHouseholds: Int?
    var olderPersonsAlone: Int?
    var arrivals: Int?
    var departures: Int?
    var source: PopulationSource
    var archived: Bool?

    init(_ count: PopulationCount) {
        let f = count.figures
        id = count.id
        siteId = count.$site.id
        countedOn = f.countedOn
        households = f.households
        individuals = f.individuals
        disaggregated = f.disaggregated
        (female0To4, female5To11, female12To17, female18To59, female60Plus) = (
            f.female[0], f.female[1], f.female[2], f.female[3], f.female[4]
        )
        (male0To4, male5To11, male12To17, male18To59, male60Plus) = (
            f.male[0], f.male[1], f.male[2], f.male[3], f.male[4]
        )
        personsWithDisabilities = f.personsWithDisabilities
        unaccompaniedSeparatedChildren = f.unaccompaniedSeparatedChildren
        femaleHeadedHouseholds = f.femaleHeadedHouseholds
        olderPersonsAlone = f.olderPersonsAlone
        arrivals = f.arrivals
        departures = f.departures
        source = f.source
        archived = count.archivedAt != nil
    }

    var figures: PopulationFigures {
        PopulationFigures(
            countedOn: countedOn, households: households, individuals: individuals, disaggregated: disaggregated,
            female: [female0To4, female5To11, female12To17, female18To59, female60Plus],
            male: [male0To4, male5To11, male12To17, male18To59, male60Plus],
            personsWithDisabilities: personsWithDisabilities,
            unaccompaniedSeparatedChildren: unaccompaniedSeparatedChildren,
            femaleHeadedHouseholds: femaleHeadedHouseholds, olderPersonsAlone: olderPersonsAlone,
            arrivals: arrivals, departures: departures, source: source)
    }
}

/// `/api/v1/sites/{id}/population-counts` and `/api/v1/population-counts/{id}`.
struct PopulationAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sites", ":id", "population-counts", use: list)
        routes.post("sites", ":id", "population-counts", use: create)
        let counts = routes.grouped("population-counts")
        counts.get(":count", use: show)
        counts.put(":count", use: update)
        counts.archiveAndRestore(":count", use: setArchived)
        PopulationExport.table.register(Paths.countsDownload, on: routes) { req in
            try req.authorize(.readOperationalData)
            return try await PopulationExport.rows(try SiteFilter(req), on: req.replica)
        }
    }

    func list(req: Request) async throws -> Page<PopulationCountBody> {
        try req.authorize(.readOperationalData)
        let site = try await req.find(Site.self, named: "Site")
        let page = try PageRequest(req)
        let query = try PopulationCount.query(on: req.db).filter(\.$site.$id == site.requireID())
        if (req.query["archived"] as String?) != "true" { query.live() }
        let (counts, total) = try await query.sort(\.$countedOn, .descending).fetchPage(page)
        return Page(items: counts.map(PopulationCountBody.init), total: total, request: page)
    }

    func create(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordPopulation(site.scope))
        let body = try req.content.decode(PopulationCountBody.self)
        let count = try await PopulationRegister.record(body.figures, for: site, by: user.actor, on: req.db)
        return try await PopulationCountBody(count).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> PopulationCountBody {
        try req.authorize(.readOperationalData)
        return PopulationCountBody(try await req.find(PopulationCount.self, "count", named: "Population count"))
    }

    func update(req: Request) async throws -> PopulationCountBody {
        let (count, site, user) = try await load(req)
        try await PopulationRegister.correct(
            count, with: try req.content.decode(PopulationCountBody.self).figures,
            site: site, by: user.actor, on: req.db)
        return PopulationCountBody(count)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> PopulationCountBody {
        let (count, site, user) = try await load(req)
        try await PopulationRegister.setArchived(archived, count, site: site, by: user.actor, on: req.db)
        return PopulationCountBody(count)
    }

    private func load(_ req: Request) async throws -> (PopulationCount, Site, UserContext) {
        let count = try await req.find(PopulationCount.self, "count", named: "Population count")
        let site = try await count.$site.get(on: req.db)
        let user = try req.authorize(.recordPopulation(site.scope))
        return (count, site, user)
    }
}
