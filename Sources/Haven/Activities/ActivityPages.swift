import Fluent
import Plot
import Vapor

/// The 5W in the browser: the table of lines with filters and totals, and the month's gaps and duplications.
struct ActivityPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.activities, use: table)
        routes.get(Paths.activityGaps, use: gaps)
    }

    func table(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let filter = try await ActivityFilter(req, user: user)
        let query = try await ActivityListQuery(filter, on: req.db)
        let lines = try await query.page(page)
        let totals = try await query.totals()
        let names = try await ActivityPageNames.load(for: lines, on: req.db)
        return Layout.response(
            ActivityTableView(user: user, filter: filter, page: page, lines: lines, totals: totals, names: names)
                .render())
    }

    func gaps(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let month = try ResponseAnalysisQuery.month(req)
        let work = try await ResponseAnalysisQuery.work(in: month, on: req.replica)
        let (gaps, needs) = try await ResponseAnalysisQuery.gaps(req, work: work, in: month)
        let duplications = try await ResponseAnalysisQuery.duplications(work, in: month, on: req.replica)
        let organisations = try await ActivityPageNames.organisations(on: req.replica)
        let codes = Dictionary(needs.map { ($0.siteID, $0.code) }, uniquingKeysWith: { a, _ in a })
        return Layout.response(
            ResponseGapsView(
                user: user, month: month, gaps: Array(gaps.prefix(200)), gapCount: gaps.count,
                duplications: Array(duplications.prefix(200)), duplicationCount: duplications.count,
                organisations: organisations, siteCodes: codes
            ).render())
    }
}
