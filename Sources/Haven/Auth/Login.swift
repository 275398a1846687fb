import Fluent
import Foundation
import Vapor

/// Checking a password and opening a session: shared by the web login and `POST /api/v1/sessions`.
enum Login {
    static let cookieName = "haven_session"

    struct Opened: Sendable {
        var token: String
        var expiresAt: Date
        var user: User
    }

    static func open(email: String, password: String, kind: UserSession.Kind, on req: Request) async throws -> Opened {
        let user = try await verify(email: email, password: password, on: req)
        let token = [UInt8].random(count: 32).base64URLEncoded
        let lifetime = req.application.havenSettings.sessionLifetime
        let session = UserSession(
            tokenHash: hashToken(token), userID: try user.requireID(), kind: kind,
            expiresAt: Date().addingTimeInterval(lifetime))
        try await session.create(on: req.db)
        return Opened(token: token, expiresAt: session.expiresAt, user: user)
    }

    /// The browser's session cookie for a session just opened: never readable by scripts, sent on same-site
    /// navigation, secure when Haven is served over HTTPS.
    static func cookie(_ opened: Opened, on req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: opened.token, expires: opened.expiresAt, isSecure: req.application.havenSettings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }

    /// An address may fail this many times the limit of one account: an office behind one address holds
    /// many people who mistype, while one guesser still cannot try many accounts.
    static let failuresPerAddress = 4

    /// Checks an e-mail and password, throttling repeated failures per e-mail and per address. A success
    /// clears only its own account's failures: the address keeps its count, so a guesser cannot wipe it
    /// by logging in with an account of its own between guesses.
    static func verify(email: String, password: String, on req: Request) async throws -> User {
        let email = String(email.trimmed.lowercased().prefix(320))
        let address = ClientAddress.of(req)
        let accountKey = "email:\(email)"
        let addressKey = "ip:\(address)"
        let throttle = req.application.loginThrottle
        try await throttle.check(
            [(accountKey, nil), (addressKey, req.application.havenSettings.failedLoginLimit * failuresPerAddress)],
            on: req.db)
        let user = try await User.query(on: req.db).filter(\.$email == email).live().first()
        // Hash even for unknown e-mails so that timing does not reveal which accounts exist.
        let hash = user?.passwordHash ?? decoyHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches else {
            try await throttle.record([accountKey, addressKey], on: req.db)
            await Refusals.failedLogin(email: email, account: user, address: address, on: req)
            throw HavenError.forbidden("The e-mail or password is not right.")
        }
        try await throttle.clear([accountKey], on: req.db)
        return user
    }

    private static let decoyHash = (try? Bcrypt.hash("no such account")) ?? ""

    static func close(token: String, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$tokenHash == hashToken(token)).delete()
    }

    static func hashToken(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}

extension Array where Element == UInt8 {
    var base64URLEncoded: String {
        Data(self).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
