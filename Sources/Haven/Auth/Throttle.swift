import Crypto
import Fluent
import Foundation
import Vapor

/// Attempts per key (an e-mail or an address) in a sliding window: failed logins, public feedback sent.
/// A pure value, built for each check from the attempts `Throttle` reads, so it is tested directly.
struct AttemptLedger: Sendable {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    mutating func record(_ key: String, at now: Date) {
        failures[key, default: []].append(now)
    }

    /// Seconds until the key may try again, or nil when it may try now; `limit` overrides the ledger's own
    /// for keys that stand for many people (an address a whole office shares).
    func retryAfter(_ key: String, limit: Int? = nil, at now: Date) -> Int? {
        let attempts = recent(key, now)
        guard attempts.count >= (limit ?? self.limit), let oldest = attempts.first else { return nil }
        return max(1, Int(saturating: (oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }

    private func recent(_ key: String, _ now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}

/// Attempts kept in the database, so that every instance of Haven on one database counts the same ones:
/// failed logins, messages through the public form. Keys are kept as hashes (an e-mail or an address is
/// nobody's business in this table); attempts older than the window are deleted as new ones come.
struct Throttle: Sendable {
    /// Which count this is: `login`, `feedback`.
    let name: String
    let limit: Int
    let window: TimeInterval

    func check(_ keys: [String], on db: any Database, at now: Date = Date()) async throws {
        try await check(keys.map { ($0, nil) }, on: db, at: now)
    }

    /// Keys with their own limits, for a check where one key stands for many people.
    func check(_ keys: [(key: String, limit: Int?)], on db: any Database, at now: Date = Date()) async throws {
        let hashes = Dictionary(keys.map { (Self.hash($0.key), $0) }, uniquingKeysWith: { a, _ in a })
        let rows = try await ThrottleAttempt.query(on: db).filter(\.$throttle == name).filter(
            \.$key ~~ Array(hashes.keys)
        )
        .filter(\.$at > now.addingTimeInterval(-window)).sort(\.$at).all()
        var ledger = AttemptLedger(limit: limit, window: window)
        for row in rows { ledger.record(row.key, at: row.at) }
        if let wait = hashes.compactMap({ hash, key in ledger.retryAfter(hash, limit: key.limit, at: now) }).max() {
            throw HavenError.tooManyRequests(retryAfterSeconds: wait)
        }
    }

    func record(_ keys: [String], on db: any Database, at now: Date = Date()) async throws {
        try await ThrottleAttempt.query(on: db).filter(\.$throttle == name).filter(
            \.$at < now.addingTimeInterval(-window)
        ).delete()
        try await keys.map { ThrottleAttempt(throttle: name, key: Self.hash($0), at: now) }.create(on: db)
    }

    func clear(_ keys: [String], on db: any Database) async throws {
        try await ThrottleAttempt.query(on: db).filter(\.$throttle == name).filter(\.$key ~~ keys.map(Self.hash))
            .delete()
    }

    static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

extension Application {
    var loginThrottle: Throttle {
        Throttle(name: "login", limit: havenSettings.failedLoginLimit, window: havenSettings.failedLoginWindow)
    }

    var feedbackThrottle: Throttle {
        Throttle(name: "feedback", limit: havenSettings.publicFeedbackPerHour, window: 3600)
    }
}

/// One attempt counted by a throttle.
final class ThrottleAttempt: Model, @unchecked Sendable {
    static let schema = "throttle_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "throttle") var throttle: String
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Date

    init() {}

    init(throttle: String, key: String, at: Date) {
        self.throttle = throttle
        self.key = key
        self.at = at
    }
}

struct CreateThrottleAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ThrottleAttempt.schema)
            .id()
            .field("throttle", .string, .required)
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.createIndex("throttle_attempts_key", on: ThrottleAttempt.schema, "throttle", "key", "at")
        try await database.createIndex("throttle_attempts_at", on: ThrottleAttempt.schema, "throttle", "at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ThrottleAttempt.schema).delete()
    }
}
