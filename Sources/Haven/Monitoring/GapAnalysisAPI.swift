import Fluent
import Vapor

/// `GET /api/v1/gap-analysis`: sites ranked by severity with their unmet standards, and the totals.
struct GapAnalysisAPI: RouteCollection {
    struct Item: Content {
        var siteId: UUID
        var code: String
        var name: String
        var type: SiteType
        var adminArea: String
        var population: Int
        var conductedOn: String
        var severity: Int
        var overallSeverity: Int?
        var sectorSeverities: [String: Int]
        var unmetStandards: [String]
    }

    struct Response: Content {
        var items: [Item]
        var total: Int
        var limit: Int
        var offset: Int
        var summary: GapAnalysis.Summary
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("gap-analysis", use: analyse)
    }

    func analyse(req: Request) async throws -> Response {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let (filter, sites) = try await GapAnalysisQuery(req).sites(on: req.db)
        let (ranked, summary) = GapAnalysis.rank(sites, filter)
        let shown = Array(ranked.dropFirst(page.offset).prefix(page.limit))
        let details = try await GapAnalysisQuery.unmet(for: shown.map(\.site.siteID), on: req.db)
        let items = shown.map { r in
            Item(siteId: r.site.siteID, code: r.site.code, name: r.site.name, type: r.site.type, adminArea: r.site.areaPcode,
                 population: r.site.population, conductedOn: r.site.conductedOn, severity: r.severity.rawValue,
                 overallSeverity: r.site.overall?.rawValue, sectorSeverities: r.site.sectors.mapValues(\.rawValue),
                 unmetStandards: (details[r.site.siteID] ?? []).filter { filter.sector == nil || $0.sector == filter.sector }.map(\.sentence))
        }
        return Response(items: items, total: ranked.count, limit: page.limit, offset: page.offset, summary: summary)
    }
}

/// Reads the latest round of every site that matches the area and type filters.
struct GapAnalysisQuery {
    var filter: GapAnalysis.Filter
    var sites: SiteFilter

    init(_ req: Request) throws {
        var errors: [FieldError] = []
        filter = GapAnalysis.Filter(sector: (req.query["sector"] as String?).nonEmpty)
        if let raw = (req.query["minSeverity"] as String?).nonEmpty {
            filter.minimumSeverity = Int(raw).flatMap(Severity.init(rawValue:))
            if filter.minimumSeverity == nil { errors.append(FieldError("minSeverity", "must be a severity from 1 to 5")) }
        }
        sites = try SiteFilter(req)
        try HavenError.check(errors)
    }

    func sites(on db: any Database) async throws -> (GapAnalysis.Filter, [GapAnalysis.SiteScore]) {
        // Nobody lives in a closed site any more, so it has no gaps unless someone asks for closed sites.
        let query = try await sites.query(on: db).with(\.$adminArea)
        if sites.status == nil { query.filter(\.$status != .closed) }
        let matching = try await query.all()
        let byID = Dictionary(uniqueKeysWithValues: matching.compactMap { site in site.id.map { ($0, site) } })
        let rounds = try await MonitoringRound.query(on: db).filter(\.$latest == true).filter(\.$archivedAt == nil)
            .field(\.$id).field(\.$site.$id).field(\.$conductedOn).field(\.$overallSeverity).field(\.$sectorSeveritiesJSON).field(\.$population)
            .all()
        let scores = rounds.compactMap { round -> GapAnalysis.SiteScore? in
            guard let site = byID[round.$site.id] else { return nil }
            return GapAnalysis.SiteScore(
                siteID: round.$site.id, code: site.code, name: site.name, type: site.type, areaPcode: site.adminArea.pcode,
                population: site.populationIndividuals ?? round.population ?? 0, conductedOn: round.conductedOn,
                sectors: round.sectorSeverities, overall: round.overallSeverity.flatMap(Severity.init(rawValue:)), unmet: [])
        }
        return (filter, scores)
    }

    /// The unmet standards of a page of sites, read only for those.
    static func unmet(for siteIDs: [UUID], on db: any Database) async throws -> [UUID: [UnmetStandard]] {
        guard !siteIDs.isEmpty else { return [:] }
        let rounds = try await MonitoringRound.query(on: db).filter(\.$latest == true).filter(\.$site.$id ~~ siteIDs).all()
        return Dictionary(rounds.map { ($0.$site.id, $0.scores.unmet) }, uniquingKeysWith: { a, _ in a })
    }
}
