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
            ActivityTableView(
                user: user, areas: try await AreaSuggestions.load(on: req.db), filter: filter, page: page, lines: lines,
                totals: totals, names: names
            )
            .render())
    }

    func gaps(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let month = try ResponseAnalysisQuery.month(req)
        let work = try await ResponseAnalysisQuery.work(in: month, on: req.replica)
        let gaps = try await ResponseAnalysisQuery.gaps(req, work: work, in: month).gaps
        let duplications = try await ResponseAnalysisQuery.duplications(work, in: month, on: req.replica)
        let organisations = try await ActivityPageNames.organisations(on: req.replica)
        let shown = (gaps: Array(gaps.prefix(200)), duplications: Array(duplications.prefix(200)))
        let sites = try await ActivityPageNames.sites(
            shown.gaps.map(\.siteID) + shown.duplications.map(\.siteID), on: req.replica)
        return Layout.response(
            ResponseGapsView(
                user: user, areas: try await AreaSuggestions.load(on: req.replica), month: month,
                sector: (req.query["responseSector"] as String?).nonEmpty,
                adminArea: (req.query["adminArea"] as String?).nonEmpty, gaps: shown.gaps, gapCount: gaps.count,
                duplications: shown.duplications, duplicationCount: duplications.count,
                organisations: organisations, sites: sites
            ).render())
    }
}
