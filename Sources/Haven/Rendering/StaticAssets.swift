import Crypto
import Vapor

/// Answers the stylesheet before anyone is looked up: it is the same for everyone, and finding the person
/// behind a token would cost more than sending it. A browser that has it gets 304 from its ETag.
struct StaticAssets: AsyncMiddleware {
    static let stylesheetPath = "/styles.css"
    private static let stylesheetTag = "\"" + SHA256.hash(data: Data(Stylesheet.css.utf8)).hex.prefix(16) + "\""

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.GET, .HEAD].contains(request.method), request.url.path == Self.stylesheetPath else {
            return try await next.respond(to: request)
        }
        if request.headers.first(name: .ifNoneMatch) == Self.stylesheetTag {
            return Response(status: .notModified, headers: ["ETag": Self.stylesheetTag])
        }
        let response = Stylesheet.response()
        response.headers.replaceOrAdd(name: .eTag, value: Self.stylesheetTag)
        return response
    }
}
