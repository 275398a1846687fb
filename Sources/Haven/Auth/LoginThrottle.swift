import Foundation
import Vapor

/// Failed logins per key (an e-mail or an address) in a sliding window; a pure value, so it is tested directly.
struct FailedLoginLedger: Sendable {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    mutating func recordFailure(_ key: String, at now: Date) {
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

/// The ledger shared by all requests of one server.
actor LoginThrottle {
    private var ledger: FailedLoginLedger

    init(limit: Int, window: TimeInterval) {
        ledger = FailedLoginLedger(limit: limit, window: window)
    }

    func check(_ keys: [String], at now: Date = Date()) throws {
        if let wait = keys.compactMap({ ledger.retryAfter($0, at: now) }).max() {
            throw HavenError.tooManyRequests(retryAfterSeconds: wait)
        }
    }

    func failed(_ keys: [String], at now: Date = Date()) {
        for key in keys { ledger.recordFailure(key, at: now) }
    }

    func succeeded(_ keys: [String]) {
        for key in keys { ledger.clear(key) }
    }
}

struct LoginThrottleKey: StorageKey {
    typealias Value = LoginThrottle
}
