import Vapor

/// The errors Haven reports to people and clients; each maps to an HTTP status and a plain sentence.
public enum HavenError: Error, Sendable {
    case invalid([FieldError])
    case notFound(String)
    case unauthorized
    case forbidden(String)
    case conflict(String)
    case tooManyRequests(retryAfterSeconds: Int)
    case badRequest(String)
    case unsupportedMediaType(String)

    public var status: HTTPResponseStatus {
        switch self {
        case .invalid: .unprocessableEntity
        case .notFound: .notFound
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        case .badRequest: .badRequest
        case .unsupportedMediaType: .unsupportedMediaType
        }
    }

    public var detail: String {
        switch self {
        case .invalid(let errors):
            errors.count == 1
                ? "One field is not valid: \(errors[0].field): \(errors[0].message)"
                : "\(errors.count) fields are not valid."
        case .notFound(let what): "\(what) was not found."
        case .unauthorized: "Log in first: this needs an account."
        case .forbidden(let why): why
        case .conflict(let why): why
        case .tooManyRequests(let seconds): "Too many failed attempts. Try again in \(max(1, seconds / 60)) minute(s)."
        case .badRequest(let why): why
        case .unsupportedMediaType(let why): why
        }
    }

    /// Throws `.invalid` when any rule failed, so callers can validate then carry on.
    static func check(_ errors: [FieldError]) throws {
        if !errors.isEmpty { throw HavenError.invalid(errors) }
    }
}
