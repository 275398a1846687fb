import Vapor

/// The API reads JSON bodies only (and files at its upload addresses, which end in `/imports`): a
/// form-encoded body is what a cross-site form sends, so it is refused with 415 before anything reads it.
/// Every text in a JSON body meets the bounds all texts share (`TextRules.bodyProblems`), else 422.
struct JSONBodies: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH].contains(request.method), let type = request.headers.contentType else {
            return try await next.respond(to: request)
        }
        let upload = request.url.path.hasSuffix("/imports")
        guard type == .json || (upload && type == .formData) else {
            throw HavenError.unsupportedMediaType(
                upload
                    ? "Send the file as multipart/form-data, in a part named file."
                    : "Send the body as JSON, with Content-Type: application/json.")
        }
        if type == .json,
            let body = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get(),
            let json = try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed])
        {
            try HavenError.check(TextRules.bodyProblems(json))
        }
        return try await next.respond(to: request)
    }
}
