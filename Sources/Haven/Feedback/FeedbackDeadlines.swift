import Foundation

/// When an item must be acknowledged and answered, and whether it is late: plain functions over values.
enum FeedbackDeadlines {
    struct Policy: Equatable, Sendable {
        var acknowledgeDays: Int
        var respondHours: Int
    }

    struct Due: Equatable, Sendable {
        var acknowledgeBy: Date
        var respondBy: Date
    }

    static func due(receivedAt: Date, policy: Policy) -> Due {
        Due(
            acknowledgeBy: receivedAt.addingTimeInterval(Double(policy.acknowledgeDays) * 86_400),
            respondBy: receivedAt.addingTimeInterval(Double(policy.respondHours) * 3_600))
    }

    /// When an item in this status falls late: a new one when it should have been acknowledged (or answered,
    /// if that comes first), any other open one when it should have been answered; nil once answered.
    static func lateFrom(status: FeedbackStatus, due: Due) -> Date? {
        switch status {
        case .new: min(due.acknowledgeBy, due.respondBy)
        case .acknowledged, .referred, .inProgress: due.respondBy
        case .responded, .closed: nil
        }
    }

    /// Late to acknowledge (still new past its day) or late to answer (still open past its answer time).
    static func isOverdue(status: FeedbackStatus, due: Due, now: Date) -> Bool {
        lateFrom(status: status, due: due).map { now > $0 } ?? false
    }

    /// Whether the person was answered in time: responded (or closed) no later than the answer deadline.
    static func answeredInTime(respondedAt: Date?, due: Due) -> Bool {
        respondedAt.map { $0 <= due.respondBy } ?? false
    }
}
