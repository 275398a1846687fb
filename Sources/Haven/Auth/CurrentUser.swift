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

    /// One query for the session and its account (every request with a token pays for it), and one more for
    /// a site manager's sites.
    static func user(forToken token: String, on db: any Database) async throws -> UserContext? {
        struct Row: Decodable {
            var id: UUID, email: String, name: String, role: String, organisationId: UUID?, feedbackFocalPoint: Bool
            var language: String
        }
        guard
            let row = try await db.sql.raw(
                """
                SELECT u.id, u.email, u.name, u.role, u.organisation_id AS "organisationId",
                    u.feedback_focal_point AS "feedbackFocalPoint", u.language
                FROM user_sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = \(bind: Login.hashToken(token)) AND s.expires_at > \(bind: Date())
                AND u.archived_at IS NULL
                """
            ).first(decoding: Row.self),
            let role = Role(rawValue: row.role)
        else { return nil }
        return UserContext(
            id: row.id, email: row.email, name: row.name, role: role, organisationID: row.organisationId,
            siteIDs: try await siteIDs(of: row.id, role: role, on: db), feedbackFocalPoint: row.feedbackFocalPoint,
            language: row.language)
    }

    static func user(id: UUID, on db: any Database) async throws -> UserContext? {
        guard let user = try await User.find(id, on: db) else { return nil }
        return try await context(of: user, on: db)
    }

    /// What the permission rules need to know about an account that is not archived.
    static func context(of user: User, on db: any Database) async throws -> UserContext? {
        guard user.archivedAt == nil else { return nil }
        let userID = try user.requireID()
        return UserContext(
            id: userID, email: user.email, name: user.name, role: user.role,
            organisationID: user.$organisation.id, siteIDs: try await siteIDs(of: userID, role: user.role, on: db),
            feedbackFocalPoint: user.feedbackFocalPoint, language: user.language)
    }

    /// The sites a site manager is assigned to; other roles are not limited to sites.
    private static func siteIDs(of userID: UUID, role: Role, on db: any Database) async throws -> Set<UUID> {
        guard role == .siteManager else { return [] }
        struct Row: Decodable { var siteId: UUID }
        let rows = try await db.sql.raw("SELECT site_id AS \"siteId\" FROM user_sites WHERE user_id = \(bind: userID)")
            .all(decoding: Row.self)
        return Set(rows.map(\.siteId))
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
        case .writeReports: "draft, edit or publish situation reports"
        case .manageUsers: "manage user accounts"
        case .readAuditTrail: "read the whole audit trail"
        case .recordFeedback: "record feedback for this site"
        case .handleFeedback(let item):
            item.sensitive ? "handle sensitive feedback (focal points only)" : "handle this feedback"
        }
    }
}
