import Vapor

/// `PUT /api/v1/account/password`: change your own password. It ends every session and token of the account,
/// the one used included, so the client logs in again. `PUT /api/v1/account/language`: the language you read Haven in.
struct AccountAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.put("account", "password", use: changePassword)
        routes.put("account", "language", use: setLanguage)
    }

    func setLanguage(req: Request) async throws -> OwnLanguage.Choice {
        let choice = try req.content.decode(OwnLanguage.Choice.self)
        try await OwnLanguage.set(choice, for: try req.requireUser(), on: req)
        return choice
    }

    func changePassword(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        try await OwnPassword.change(try req.content.decode(OwnPassword.Change.self), for: user, on: req)
        return .noContent
    }
}
