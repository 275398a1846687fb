import Foundation
import Vapor

/// `GET /api/v1/analysis/needs`: the needs figures by area, and the downloads of them.
struct NeedsAPI: RouteCollection {
    struct AreaItem: Content {
        var pcode: String
        var name: String
        var level: Int
        var sites: Int
        var assessedSites: Int
        var people: Int
        var inNeed: Int
        var severity: Int?
        var inNeedBySector: [String: Int]
        var severityBySector: [String: Int]
        var firstAssessed: String?
        var lastAssessed: String?
    }

    struct Answer: Content {
        var level: Int
        var areas: [AreaItem]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("analysis", "needs", use: needs)
        NeedsExport.table.register(Paths.needsDownload, on: routes, rows: NeedsExport.rows)
    }

    func needs(req: Request) async throws -> Answer {
        try req.authorize(.readOperationalData)
        let query = try NeedsQuery(req)
        let result = try await query.load(on: req.replica)
        return Answer(
            level: query.level,
            areas: result.areas.map { area in
                AreaItem(
                    pcode: result.tree[area.id]?.pcode ?? "", name: result.tree[area.id]?.name ?? "",
                    level: query.level, sites: area.sites, assessedSites: area.assessedSites, people: area.people,
                    inNeed: area.inNeed, severity: area.severity?.rawValue, inNeedBySector: area.inNeedBySector,
                    severityBySector: area.severityBySector.mapValues(\.rawValue),
                    firstAssessed: area.firstAssessed?.description, lastAssessed: area.lastAssessed?.description)
            })
    }
}
