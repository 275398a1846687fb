import Fluent
import Vapor

/// Who is where in the browser: organisations per area on a map and in a table, and the site × sector matrix.
struct PresencePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.presence, use: show)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = try PresenceQuery(req)
        let result = try await query.load(on: req.db)
        let outlines = try await AreaOutlines.load(levels: [query.level], within: query.adminArea ?? "", on: req.db)
        return Layout.response(
            PresenceView(
                user: user, areas: try await AreaSuggestions.load(on: req.db), query: query, page: page, result: result,
                outlines: outlines
            ).render())
    }
}
