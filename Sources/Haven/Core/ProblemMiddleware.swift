import Fluent
import Vapor

/// RFC 9457 problem details, the body of every API error.
struct Problem: Content {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?
}

/// Turns any error into `application/problem+json` for the API and a readable page for browsers.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, detail, fields, retryAfter) = Self.describe(error, logger: request.logger)
            if status == .forbidden, let user = request.currentUser {
                await Refusals.forbidden(user, why: detail, on: request)
            }
            if request.url.path.hasPrefix("/api/") || request.url.path.hasPrefix("/v1/") {
                let response = try Self.problemResponse(
                    status: status, detail: detail, errors: fields, retryAfter: retryAfter)
                // ODK Collect asks for a login only when told how.
                if status == .unauthorized && request.url.path.hasPrefix("/v1/") {
                    response.headers.replaceOrAdd(
                        name: .wwwAuthenticate, value: "Basic realm=\"Haven\", charset=\"UTF-8\"")
                }
                return response
            }
            if status == .unauthorized {
                return request.redirect(to: Paths.login(next: request.url.string))
            }
            let response = Response(status: status)
            response.headers.contentType = .html
            response.body = .init(string: ErrorPage.render(status: status, detail: detail, user: request.currentUser))
            return response
        }
    }

    static func problemResponse(status: HTTPResponseStatus, detail: String, errors: [FieldError]?, retryAfter: Int?)
        throws -> Response
    {
        // Messages may quote what was sent; a problem never grows with the request that caused it.
        let problem = Problem(
            title: status.reasonPhrase, status: Int(status.code), detail: String(detail.prefix(2_000)),
            errors: errors.map {
                $0.prefix(100).map { FieldError(String($0.field.prefix(200)), String($0.message.prefix(1_000))) }
            })
        let response = Response(status: status)
        try response.content.encode(problem, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
        return response
    }

    private static func describe(_ error: any Error, logger: Logger)
        -> (HTTPResponseStatus, String, [FieldError]?, Int?)
    {
        switch error {
        case let haven as HavenError:
            var fields: [FieldError]? = nil
            if case .invalid(let list) = haven { fields = list }
            var retry: Int? = nil
            if case .tooManyRequests(let seconds) = haven { retry = seconds }
            return (haven.status, haven.detail, fields, retry)
        case let database as any DatabaseError where database.isConstraintFailure:
            // A unique index decided between two writers at the same moment: the loser is told, nothing half-written.
            return (
                .conflict,
                "Someone else wrote the same record at the same moment. Look at it again, then retry if it still needs doing.",
                nil, nil
            )
        case let decoding as DecodingError:
            return (.badRequest, DecodingProblem.describe(decoding), nil, nil)
        case let abort as any AbortError:
            return (abort.status, abort.reason, nil, nil)
        default:
            // The error text may carry data from the request, so only its type reaches the log.
            logger.error("Unhandled error", metadata: ["type": "\(type(of: error))"])
            return (.internalServerError, "Something went wrong on the server. The error has been logged.", nil, nil)
        }
    }
}

/// Plain-language description of a JSON body that does not match the expected shape.
enum DecodingProblem {
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "Field \(path(context.codingPath + [key])) is required."
        case .typeMismatch(let type, let context):
            "Field \(path(context.codingPath)) must be \(name(of: type))."
        case .valueNotFound(let type, let context):
            "Field \(path(context.codingPath)) must be \(name(of: type)), not null."
        case .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "The request body is not valid JSON."
                : "Field \(path(context.codingPath)) has a value that is not allowed: \(context.debugDescription)"
        @unknown default:
            "The request body could not be read."
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of type \(type)"
        }
    }
}
