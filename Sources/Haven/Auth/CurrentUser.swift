import Fluent
import Foundation
import Vapor

/// Finds the person behind a bearer token or session cookie, once per request.
struct CurrentUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.headers.bearerAuthorization?.token ?? Self.sessionCookie(request) {
            request.storage[CurrentUserKey.self] = try await Self.user(forToken: token, on: request.db)
        } else if let basic = request.headers.basicAuthorization, request.url.path.hasPrefix("/v1/") {
            request.storage[CurrentUserKey.self] = try await BasicLogin.user(basic, on: request)
        }
        return try await next.respond(to: request)
    }

    /// The web session's cookie, where it may stand for the person. A browser sends cookies with forms that
    /// other sites post, so a change through the API takes a bearer token, or the cookie together with the
    /// page's CSRF token in `X-CSRF-Token` (which another site cannot read); pages check their forms themselves.
    static func sessionCookie(_ request: Request) -> String? {
        guard let cookie = request.cookies[Login.cookieName]?.string else { return nil }
        guard request.url.path.hasPrefix("/api/"), ![.GET, .HEAD].contains(request.method) else { return cookie }
        guard let csrf = request.cookies[CSRFMiddleware.cookieName]?.string,
            request.headers.first(name: "X-CSRF-Token") == csrf
        else { return nil }
        return cookie
    }

    static func user(forToken token: String, on db: any Database) async throws -> UserContext? {
        guard
            let session = try await UserSession.query(on: db)
                .filter(\.$tokenHash == Login.hashToken(token))
                .filter(\.$expiresAt > Date())
                .with(\.$user)
                .first()
        else { return nil }
        return try await context(of: session.user, on: db)
    }

    static func user(id: UUID, on db: any Database) async throws -> UserContext? {
        guard let user = try await User.find(id, on: db) else { return nil }
        return try await context(of: user, on: db)
    }

    /// What the permission rules need to know about an account that is not archived.
    static func context(of user: User, on db: any Database) async throws -> UserContext? {
        guard user.archivedAt == nil else { return nil }
        let userID = try user.requireID()
        let siteIDs =
            user.role == .siteManager
            ? try await UserSite.query(on: db).filter(\.$user.$id == userID).all().map { $0.$site.id } : []
        return UserContext(
            id: userID, email: user.email, name: user.name, role: user.role,
            organisationID: user.$organisation.id, siteIDs: Set(siteIDs), feedbackFocalPoint: user.feedbackFocalPoint)
    }
}

struct CurrentUserKey: StorageKey {
    typealias Value = UserContext
}

extension Request {
    var currentUser: UserContext? { storage[CurrentUserKey.self] }

    func requireUser() throws -> UserContext {
        guard let user = currentUser else { throw HavenError.unauthorized }
        return user
    }

    /// The signed-in user, when they hold the permission; otherwise 401 or 403 with the reason.
    @discardableResult
    func authorize(_ permission: Permission) throws -> UserContext {
        let user = try requireUser()
        guard permission.isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) does not allow you to \(permission.explanation).")
        }
        return user
    }
}

extension Permission {
    var explanation: String {
        switch self {
        case .readOperationalData: "read operational data"
        case .editGazetteer: "change administrative areas"
        case .editCatalogue: "change the catalogues of indicators and activities"
        case .createOrganisation: "add organisations"
        case .editOrganisation: "change this organisation"
        case .createSite: "add sites"
        case .editSite: "change this site"
        case .archiveSite: "archive or restore sites"
        case .recordPopulation: "record population counts for this site"
        case .recordMonitoring: "record monitoring rounds for this site"
        case .uploadRounds: "upload monitoring rounds"
        case .recordActivity: "report activities for this organisation"
        case .uploadActivities: "upload 5W files"
        case .lockMonths: "lock or unlock reporting months"
        case .editResponsePlan: "set the response plan's targets"
        case .manageUsers: "manage user accounts"
        case .readAuditTrail: "read the whole audit trail"
        case .recordFeedback: "record feedback for this site"
        case .handleFeedback(let item):
            item.sensitive ? "handle sensitive feedback (focal points only)" : "handle this feedback"
        }
    }
}
