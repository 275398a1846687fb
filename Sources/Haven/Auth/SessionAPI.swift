import Vapor

/// `POST /api/v1/sessions`: trade an e-mail and password for a bearer token.
struct SessionAPI: RouteCollection {
    struct Credentials: Content {
        var email: String
        var password: String
    }

    struct Opened: Content {
        var token: String
        var expiresAt: Date
        var user: UserBody
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("sessions", use: open)
        routes.delete("sessions", "current", use: close)
    }

    func open(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        let opened = try await Login.open(email: credentials.email, password: credentials.password, kind: .api, on: req)
        let body = Opened(
            token: opened.token, expiresAt: opened.expiresAt, user: try await UserBody(opened.user, on: req.db))
        return try await body.encodeResponse(status: .created, for: req)
    }

    func close(req: Request) async throws -> HTTPStatus {
        _ = try req.requireUser()
        if let token = req.headers.bearerAuthorization?.token ?? CurrentUserMiddleware.sessionCookie(req) {
            try await Login.close(token: token, on: req.db)
        }
        return .noContent
    }
}
