import Foundation
import Vapor

/// Attempts per key (an e-mail or an address) in a sliding window: failed logins, public feedback sent.
/// A pure value, so it is tested directly.
struct AttemptLedger: Sendable {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    mutating func record(_ key: String, at now: Date) {
        // At most a few hundred attempts are kept per key, and keys of the past window only.
        failures[key, default: []] = Array((recent(key, now) + [now]).suffix(500))
        if failures.count > 100_000 { failures = failures.filter { !recent($0.key, now).isEmpty } }
    }

    mutating func clear(_ key: String) {
        failures[key] = nil
    }

    /// Seconds until the key may try again, or nil when it may try now; `limit` overrides the ledger's own
    /// for keys that stand for many people (an address a whole office shares).
    func retryAfter(_ key: String, limit: Int? = nil, at now: Date) -> Int? {
        let attempts = recent(key, now)
        guard attempts.count >= (limit ?? self.limit), let oldest = attempts.first else { return nil }
        return max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }

    private func recent(_ key: String, _ now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}

/// A ledger shared by all requests of one server: one for failed logins, one for the public feedback form.
actor Throttle {
    private var ledger: AttemptLedger

    init(limit: Int, window: TimeInterval) {
        ledger = AttemptLedger(limit: limit, window: window)
    }

    func check(_ keys: [String], at now: Date = Date()) throws {
        try check(keys.map { ($0, nil) }, at: now)
    }

    /// Keys with their own limits, for a check where one key stands for many people.
    func check(_ keys: [(key: String, limit: Int?)], at now: Date = Date()) throws {
        if let wait = keys.compactMap({ ledger.retryAfter($0.key, limit: $0.limit, at: now) }).max() {
            throw HavenError.tooManyRequests(retryAfterSeconds: wait)
        }
    }

    func record(_ keys: [String], at now: Date = Date()) {
        for key in keys { ledger.record(key, at: now) }
    }

    func clear(_ keys: [String]) {
        for key in keys { ledger.clear(key) }
    }
}

struct LoginThrottleKey: StorageKey {
    typealias Value = Throttle
}

struct FeedbackThrottleKey: StorageKey {
    typealias Value = Throttle
}

extension Application {
    var loginThrottle: Throttle {
        guard let throttle = storage[LoginThrottleKey.self] else { fatalError("configure(_:settings:) sets the login throttle") }
        return throttle
    }

    var feedbackThrottle: Throttle {
        guard let throttle = storage[FeedbackThrottleKey.self] else { fatalError("configure(_:settings:) sets the feedback throttle") }
        return throttle
    }
}
