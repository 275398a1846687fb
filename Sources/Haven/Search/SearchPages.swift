import Vapor

/// `/search`: the search box in every page header leads here.
struct SearchPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.search, use: page)
    }

    func page(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let query = SearchQuery(req)
        let groups = try await query.groups(for: user, sources: SearchSources.all, on: req.replica)
        return Layout.response(SearchView(user: user, query: query, groups: groups).render())
    }
}
