import Crypto
import Fluent
import Foundation
import Vapor

/// HTTP Basic logins, which ODK Collect and KoboCollect send with every request. A verified pair is
/// remembered briefly (by a hash, never the password) so that bcrypt does not run for every submission.
enum BasicLogin {
    static let remembered = Duration.seconds(600)

    static func user(_ basic: BasicAuthorization, on req: Request) async throws -> UserContext? {
        let key = SHA256.hash(data: Data("\(basic.username.lowercased())\u{0}\(basic.password)".utf8)).map { String(format: "%02x", $0) }.joined()
        let cache = req.application.storage[BasicLoginCacheKey.self]!
        if let userID = await cache.userID(for: key) {
            return try await CurrentUserMiddleware.user(id: userID, on: req.db)
        }
        guard let opened = try? await Login.verify(email: basic.username, password: basic.password, on: req) else { return nil }
        let userID = try opened.requireID()
        await cache.remember(key, userID: userID)
        return try await CurrentUserMiddleware.user(id: userID, on: req.db)
    }
}

actor BasicLoginCache {
    private var entries: [String: (userID: UUID, until: ContinuousClock.Instant)] = [:]

    func userID(for key: String) -> UUID? {
        guard let entry = entries[key], entry.until > .now else { entries[key] = nil; return nil }
        return entry.userID
    }

    func remember(_ key: String, userID: UUID) {
        if entries.count > 10_000 { entries.removeAll() }
        entries[key] = (userID, .now + BasicLogin.remembered)
    }
}

struct BasicLoginCacheKey: StorageKey {
    typealias Value = BasicLoginCache
}
