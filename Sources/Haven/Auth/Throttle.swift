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
        failures[key, default: []] = recent(key, now) + [now]
    }

    mutating func clear(_ key: String) {
        failures[key] = nil
    }

    /// Seconds until the key may try again, or nil when it may try now.
    func retryAfter(_ key: String, at now: Date) -> Int? {
        let attempts = recent(key, now)
        guard attempts.count >= limit, let oldest = attempts.first else { return nil }
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
        if let wait = keys.compactMap({ ledger.retryAfter($0, at: now) }).max() {
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
