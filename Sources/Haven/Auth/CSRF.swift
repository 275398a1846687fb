import Vapor

/// Double-submit protection for every web form: a random cookie that the form must echo back.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "haven_csrf"
    static let fieldName = "_csrf"
    /// The largest form any page accepts: an import file.
    static let largestForm = 20 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookieName]?.string
        let token = existing ?? [UInt8].random(count: 24).base64URLEncoded
        request.storage[CSRFTokenKey.self] = token
        if request.method != .GET && request.method != .HEAD {
            // A form bigger than one network read (a file upload) is still streaming; the token is inside it.
            _ = try await request.body.collect(max: Self.largestForm).get()
            let sent =
                (try? request.content.get(String.self, at: Self.fieldName))
                ?? request.headers.first(name: "X-CSRF-Token")
            guard let existing, let sent, sent == existing else {
                throw HavenError.forbidden(
                    "This form has expired or came from another site. Go back, reload the page and try again.")
            }
        }
        let response = try await next.respond(to: request)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, isSecure: request.application.havenSettings.secureCookies,
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}

struct CSRFTokenKey: StorageKey {
    typealias Value = String
}

extension Request {
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}
