import Fluent
import Vapor

/// The monitoring dashboard: where people are worst off, on a map, by sector, ranked, and over time.
struct MonitoringPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.monitoring, use: dashboard)
    }

    func dashboard(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = try GapAnalysisQuery(req)
        let (filter, sites) = try await query.sites(on: req.replica)
        let (ranked, summary) = GapAnalysis.rank(sites, filter)
        let shown = Array(ranked.dropFirst(page.offset).prefix(page.limit))
        let sectors = try await Indicator.inUse(on: req.replica)
            .reduce(into: [String]()) { list, indicator in
                if !list.contains(indicator.sector) { list.append(indicator.sector) }
            }
        let view = MonitoringDashboardView(
            user: user, areas: try await AreaSuggestions.load(on: req.replica), filter: filter, siteFilter: query.sites,
            page: page, ranked: ranked, shown: shown,
            summary: summary,
            sectors: sectors, trend: try await MonitoringDashboardQuery.trend(on: req.replica),
            outlines: try await MonitoringDashboardQuery.outlines(around: query.sites.adminArea, on: req.replica),
            unmet: try await GapAnalysisQuery.unmet(for: shown.map(\.site.siteID), on: req.replica))
        return Layout.response(view.render())
    }
}
