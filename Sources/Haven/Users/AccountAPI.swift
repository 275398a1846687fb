import Vapor

/// `PUT /api/v1/account/password`: change your own password. It ends every session and token of the account,
/// the one used included, so the client logs in again.
struct AccountAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.put("account", "password", use: changePassword)
    }

    func changePassword(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        try await OwnPassword.change(try req.content.decode(OwnPassword.Change.self), for: user, on: req)
        return .noContent
    }
}
