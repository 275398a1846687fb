import Vapor

/// Headers that keep pages from being framed, sniffed or leaking addresses; the pages need no script at all.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        // Served over HTTPS (secure cookies on): browsers are told to use nothing else for a year.
        let https: [(String, String)] =
            request.application.havenSettings.secureCookies
            ? [("Strict-Transport-Security", "max-age=31536000")] : []
        for (name, value) in headers + https where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        // Signed-in pages hold data for that person only; what says it may be cached (the stylesheet) keeps its own rule.
        if request.currentUser != nil && !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        }
        return response
    }
}
