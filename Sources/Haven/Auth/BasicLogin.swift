import Crypto
import Fluent
import Foundation
import Vapor

/// HTTP Basic logins, which ODK Collect and KoboCollect send with every request. A verified pair is
/// remembered briefly (by a hash, never the password) so that bcrypt does not run for every submission,
/// and only while the account keeps the password hash it had: a new password ends the remembered pair at once.
enum BasicLogin {
    static let remembered = Duration.seconds(600)

    static func user(_ basic: BasicAuthorization, on req: Request) async throws -> UserContext? {
        let key = SHA256.hash(data: Data("\(basic.username.lowercased())\u{0}\(basic.password)".utf8)).map {
            String(format: "%02x", $0)
        }.joined()
        let cache = req.application.storage[BasicLoginCacheKey.self]!
        if let remembered = await cache.entry(for: key) {
            if let user = try await User.find(remembered.userID, on: req.db),
                user.passwordHash == remembered.passwordHash
            {
                return try await CurrentUserMiddleware.context(of: user, on: req.db)
            }
            await cache.forget(key)
        }
        guard let user = try? await Login.verify(email: basic.username, password: basic.password, on: req) else {
            return nil
        }
        await cache.remember(key, userID: try user.requireID(), passwordHash: user.passwordHash)
        return try await CurrentUserMiddleware.context(of: user, on: req.db)
    }
}

actor BasicLoginCache {
    struct Entry {
        var userID: UUID
        var passwordHash: String
        var until: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]

    func entry(for key: String) -> Entry? {
        guard let entry = entries[key], entry.until > .now else {
            entries[key] = nil
            return nil
        }
        return entry
    }

    func remember(_ key: String, userID: UUID, passwordHash: String) {
        if entries.count > 10_000 { entries.removeAll() }
        entries[key] = Entry(userID: userID, passwordHash: passwordHash, until: .now + BasicLogin.remembered)
    }

    func forget(_ key: String) { entries[key] = nil }
}

struct BasicLoginCacheKey: StorageKey {
    typealias Value = BasicLoginCache
}
