import Fluent
import Vapor

/// A round as the API returns it: the answers as sent, and what they scored.
struct RoundBody: Content {
    var id: UUID
    var siteId: UUID
    var conductedOn: String
    var keyInformants: [String]
    var catalogueVersion: Int
    var population: Int?
    var values: [String: Answer]
    var overallSeverity: Int?
    var sectorSeverities: [String: Int]
    var unmetStandards: [Unmet]
    var source: MonitoringRound.Source

    struct Unmet: Content {
        var indicator: String
        var sector: String
        var severity: Int
        var value: Double?
        var standard: Double
        var summary: String
    }

    init(_ round: MonitoringRound) throws {
        let scores = round.scores
        id = try round.requireID()
        siteId = round.$site.id
        conductedOn = round.conductedOn
        keyInformants = round.keyInformants.isEmpty ? [] : round.keyInformants.components(separatedBy: "; ")
        catalogueVersion = round.catalogueVersion
        population = round.population
        values = round.answers
        overallSeverity = round.overallSeverity
        sectorSeverities = scores.sectors.mapValues(\.rawValue)
        unmetStandards = scores.unmet.map {
            Unmet(
                indicator: $0.indicator, sector: $0.sector, severity: $0.severity.rawValue, value: $0.value,
                standard: $0.standard, summary: $0.sentence)
        }
        source = round.source
    }
}

/// `/api/v1/sites/{id}/rounds` and `/api/v1/rounds/{id}`.
struct RoundAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sites", ":id", "rounds", use: list)
        routes.post("sites", ":id", "rounds", use: create)
        routes.get("rounds", ":round", use: show)
        ExportTable.register(Paths.roundsDownload, on: routes) { req in
            try req.authorize(.readOperationalData)
            let table = RoundExport.table(try await Catalogue.current(on: req.replica))
            let latestOnly = (req.query["latest"] as String?) == "true"
            return (table, try await RoundExport.rows(try SiteFilter(req), latestOnly: latestOnly, on: req.replica))
        }
    }

    func list(req: Request) async throws -> Page<RoundBody> {
        try req.authorize(.readOperationalData)
        let site = try await req.find(Site.self, named: "Site")
        let page = try PageRequest(req)
        let (rounds, total) = try await MonitoringRound.query(on: req.db).filter(\.$site.$id == site.requireID())
            .live().sort(\.$conductedOn, .descending).fetchPage(page)
        return Page(items: try rounds.map(RoundBody.init), total: total, request: page)
    }

    func create(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordMonitoring(site.scope))
        let input = try req.content.decode(RoundInput.self)
        let round = try await RoundRegister.record(
            input, for: RoundSite(site), catalogue: Catalogue.current(on: req.db), source: .api,
            by: user.actor, on: req.db, writer: req.roundWriter)
        return try await RoundBody(round).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> RoundBody {
        try req.authorize(.readOperationalData)
        return try RoundBody(try await req.find(MonitoringRound.self, "round", named: "Round"))
    }
}
