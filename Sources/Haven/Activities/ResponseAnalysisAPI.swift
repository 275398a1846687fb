import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/gaps` and `/analysis/duplications`: the 5W set against site monitoring, for a month.
struct ResponseAnalysisAPI: RouteCollection {
    struct GapItem: Content {
        var siteId: UUID, code: String, sector: String, severity: Int, population: Int
    }

    struct DuplicationItem: Content {
        var siteId: UUID, activity: String, organisationIds: [UUID], reached: Int, population: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        let analysis = routes.grouped("analysis")
        analysis.get("gaps", use: gaps)
        analysis.get("duplications", use: duplications)
        GapExport.table.register(Paths.gapsDownload, on: routes, rows: GapExport.rows)
    }

    func gaps(req: Request) async throws -> Page<GapItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let month = try ResponseAnalysisQuery.month(req)
        let work = try await ResponseAnalysisQuery.work(in: month, on: req.replica)
        let found = try await ResponseAnalysisQuery.gaps(req, work: work, in: month).gaps
        let items = found.dropFirst(page.offset).prefix(page.limit)
            .map {
                GapItem(
                    siteId: $0.siteID, code: $0.code, sector: $0.sector, severity: $0.severity.rawValue,
                    population: $0.population)
            }
        return Page(items: Array(items), total: found.count, request: page)
    }

    func duplications(req: Request) async throws -> Page<DuplicationItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let month = try ResponseAnalysisQuery.month(req)
        let work = try await ResponseAnalysisQuery.work(in: month, on: req.replica)
        let found = try await ResponseAnalysisQuery.duplications(work, in: month, on: req.replica)
        let items = found.dropFirst(page.offset).prefix(page.limit).map {
            DuplicationItem(
                siteId: $0.siteID, activity: $0.activity, organisationIds: $0.organisationIDs, reached: $0.reached,
                population: $0.population)
        }
        return Page(items: Array(items), total: found.count, request: page)
    }
}
