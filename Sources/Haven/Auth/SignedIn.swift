import Fluent
import Vapor

/// Every API route past this point needs a valid token: anonymous calls get 401.
struct SignedInAPI: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.requireUser()
        return try await next.respond(to: request)
    }
}

/// Pages past this point send anonymous visitors to the login page.
struct SignedInPage: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            return request.redirect(to: Paths.login(next: request.url.string))
        }
        return try await next.respond(to: request)
    }
}
