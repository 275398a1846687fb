import Fluent
import SQLKit
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
        /// The site's overall severity in its round before this one: is it getting better or worse?
        var previousSeverity: Int?
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
        let (filter, sites) = try await GapAnalysisQuery(req).sites(on: req.replica)
        let (ranked, summary) = GapAnalysis.rank(sites, filter)
        let shown = Array(ranked.dropFirst(page.offset).prefix(page.limit))
        let details = try await GapAnalysisQuery.unmet(for: shown.map(\.site.siteID), on: req.replica)
        let items = shown.map { r in
            Item(
                siteId: r.site.siteID, code: r.site.code, name: r.site.name, type: r.site.type,
                adminArea: r.site.areaPcode,
                population: r.site.population, conductedOn: r.site.conductedOn, severity: r.severity.rawValue,
                overallSeverity: r.site.overall?.rawValue, previousSeverity: r.site.previous?.rawValue,
                sectorSeverities: r.site.sectors.mapValues(\.rawValue),
                unmetStandards: (details[r.site.siteID] ?? []).filter {
                    filter.sector == nil || $0.sector == filter.sector
                }.map(\.sentence))
        }
        return Response(items: items, total: ranked.count, limit: page.limit, offset: page.offset, summary: summary)
    }
}
