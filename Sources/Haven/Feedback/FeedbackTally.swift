import Foundation

/// The monthly counts the feedback figures are read from, kept up to date by every write instead of counted
/// again over a million items on every visit. Plain functions over values: which counters an item adds to, and
/// what a change to an item does to them.
enum FeedbackTally {
    /// What of an item is counted: never what was said, nor by whom.
    struct Facts: Hashable, Sendable {
        var month: String
        var siteID: UUID
        var category: String
        var channel: String
        var sex: String
        var ageGroup: String
        var sector: String
        var status: String
        var wantsAnswer: Bool
        /// Whether the answer came by its deadline; nil while the person has not been answered.
        var answeredInTime: Bool?
    }

    enum Dimension: String, CaseIterable, Sendable {
        case received, category, channel, sex, status, answered
        case ageGroup = "age_group"
        case answeredInTime = "answered_in_time"
        /// Per site: everything received, and by sector.
        case site
        case siteSector = "site_sector"

        /// Counted for the whole operation; the others are counted per site (`Key.scope`).
        static let operation: [Dimension] = [
            .received, .category, .channel, .sex, .ageGroup, .status, .answered, .answeredInTime,
        ]
    }

    /// One counter: a month's count of items with `key` in `dimension`, for one site or (scope "") the operation.
    struct Key: Hashable, Sendable {
        var dimension: Dimension
        var scope: String
        var month: String
        var key: String
    }

    /// The counters an item adds one to.
    static func keys(_ facts: Facts) -> [Key] {
        func operation(_ dimension: Dimension, _ key: String) -> Key {
            Key(dimension: dimension, scope: "", month: facts.month, key: key)
        }
        let site = facts.siteID.uuidString
        var keys = [
            operation(.received, ""), operation(.category, facts.category), operation(.channel, facts.channel),
            operation(.sex, facts.sex), operation(.ageGroup, facts.ageGroup), operation(.status, facts.status),
            Key(dimension: .site, scope: site, month: facts.month, key: ""),
            Key(dimension: .siteSector, scope: site, month: facts.month, key: facts.sector),
        ]
        if facts.wantsAnswer, let inTime = facts.answeredInTime {
            keys.append(operation(.answered, ""))
            if inTime { keys.append(operation(.answeredInTime, "")) }
        }
        return keys
    }

    /// What a change does to the counters: the item as it was is taken off, as it is now is added; nil stands
    /// for an item that is not counted (not yet recorded, or archived). Counters left unchanged are not listed.
    static func delta(from before: Facts?, to after: Facts?) -> [Key: Int] {
        var delta: [Key: Int] = [:]
        for key in before.map(keys) ?? [] { delta[key, default: 0] -= 1 }
        for key in after.map(keys) ?? [] { delta[key, default: 0] += 1 }
        return delta.filter { $0.value != 0 }
    }

    /// The counters of many items at once, each given with how many items share its facts.
    static func total(_ items: some Sequence<(Facts, Int)>) -> [Key: Int] {
        var total: [Key: Int] = [:]
        for (facts, count) in items { for key in keys(facts) { total[key, default: 0] += count } }
        return total
    }
}

extension FeedbackItem {
    /// What the tallies count of this item; nil once it is archived.
    var tallyFacts: FeedbackTally.Facts? {
        guard archivedAt == nil else { return nil }
        return FeedbackTally.Facts(
            month: receivedMonth, siteID: $site.id, category: categoryCode, channel: channel.rawValue,
            sex: sex?.rawValue ?? "",
            ageGroup: ageGroup?.rawValue ?? "", sector: sector, status: status.rawValue, wantsAnswer: wantsAnswer,
            answeredInTime: respondedAt.map { FeedbackDeadlines.answeredInTime(respondedAt: $0, due: due) })
    }
}
