import Vapor

/// `/needs`: the needs figures by area for whoever reads operational data.
struct NeedsPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.needs, use: page)
    }

    func page(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let query = try NeedsQuery(req)
        let result = try await query.load(on: req.replica)
        let prefix =
            try await query.within.asyncMap { try await AdminAreaLookup.find($0, on: req.replica)?.pcode } ?? nil
        let outlines = try await AreaOutlines.load(levels: [query.level], within: prefix ?? "", on: req.replica)
        return Layout.response(
            NeedsView(
                user: user, areas: try await AreaSuggestions.load(on: req.replica), query: query, result: result,
                outlines: outlines
            ).render())
    }
}
