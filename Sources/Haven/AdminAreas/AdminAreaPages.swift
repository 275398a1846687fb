import Fluent
import Plot
import Vapor

/// Areas in the browser: each area with its sub-areas, their sites and people, descendants included.
struct AdminAreaPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.adminAreas, use: top)
        routes.get(Paths.adminArea, use: show)
    }

    func top(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let rollups = try await AreaPageQuery.top(on: req.db)
        return Layout.response(Layout.page("Areas", user: user, .h1("Administrative areas"), AreaRollup.table(rollups)))
    }

    func show(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        guard let pcode = req.parameters.get("pcode"), let model = try await AreaPageQuery.page(pcode, page, on: req.db)
        else { throw HavenError.notFound("Administrative area") }
        return Layout.response(AreaPageView(user: user, model: model, page: page).render())
    }
}
