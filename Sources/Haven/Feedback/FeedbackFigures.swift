import Foundation

/// Feedback as figures that are safe to show anyone who may read operational data: counts only, each small
/// count suppressed (see `Disclosure`), never a word of what was said nor who said it.
enum FeedbackFigures {
    struct Count: Equatable, Sendable {
        var key: String
        var count: Int
    }

    /// A breakdown as it may be shown: the cells in descending order of their true count, each shown or
    /// suppressed, and a total that never gives a suppressed cell away.
    struct Breakdown: Equatable, Sendable {
        var cells: [(key: String, count: Int?)]
        var total: Int?

        static func == (a: Breakdown, b: Breakdown) -> Bool {
            a.total == b.total && a.cells.map(\.key) == b.cells.map(\.key)
                && a.cells.map(\.count) == b.cells.map(\.count)
        }
    }

    static func breakdown(_ counts: [Count], threshold: Int) -> Breakdown {
        let ordered = counts.filter { $0.count > 0 }.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
        let (cells, total) = Disclosure.row(ordered.map(\.count), threshold: threshold)
        return Breakdown(cells: zip(ordered, cells).map { ($0.key, $1) }, total: total)
    }

    /// Of the items whose answer was due by `now` or that were answered, the share answered in time (0-100).
    static func answeredInTimeShare(answeredInTime: Int, due: Int) -> Double? {
        due == 0 ? nil : (Double(answeredInTime) / Double(due) * 1000).rounded() / 10
    }

    /// CM-10, sites with a functioning complaints mechanism including PSEA: open sites from which feedback arrived
    /// in the period and whose directory names a referral focal point for a protection service.
    static func functioningMechanisms(openSites: Set<UUID>, withFeedback: Set<UUID>, withProtectionReferral: Set<UUID>)
        -> Set<UUID>
    {
        openSites.intersection(withFeedback).intersection(withProtectionReferral)
    }
}
