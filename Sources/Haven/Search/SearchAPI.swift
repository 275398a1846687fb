import Vapor

/// `GET /api/v1/search?q=`: what the search box finds, grouped by source.
struct SearchAPI: RouteCollection {
    struct Answer: Content {
        var q: String
        var groups: [SearchQuery.Group]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("search", use: search)
    }

    func search(req: Request) async throws -> Answer {
        let user = try req.authorize(.readOperationalData)
        let query = SearchQuery(req)
        return Answer(
            q: query.text, groups: try await query.groups(for: user, sources: SearchSources.all, on: req.replica))
    }
}
