import Vapor

/// `/`: each person's home page.
struct HomePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.home, use: show)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let home = try await HomeQuery.load(for: user, today: .today(), on: req.db)
        return Layout.response(HomeView(home: home).render())
    }
}
