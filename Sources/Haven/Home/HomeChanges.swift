import Foundation

/// What changed in the operation in the last `Home.changeWindowDays` days, from the few records of that window:
/// sites opened, closing and closed, sites whose severity rose or fell, people counted, 5W lines against the
/// month before. Plain functions over values, so that each figure is tested against a direct count.
struct HomeChanges: Sendable, Equatable {
    /// A status a site moved to, on a day; `order` breaks ties between changes of one day (when recorded).
    struct StatusChange: Sendable, Equatable {
        var siteID: UUID
        var status: SiteStatus
        var changedOn: CalendarDay
        var order: Double
    }

    /// A site's latest round in the window, with the severity of the round before it.
    struct Round: Sendable, Equatable {
        var siteID: UUID
        var code: String
        var name: String
        var severity: Int?
        var previous: Int?
    }

    struct Move: Sendable, Equatable {
        var siteID: UUID
        var code: String
        var name: String
        var from: Int
        var to: Int
    }

    var opened: Int
    var closing: Int
    var closed: Int
    /// Worst rise first.
    var rose: [Move]
    var fell: Int
    /// People in the latest counts of the window against each site's count before (a first count adds it whole).
    var people: Int
    var linesLastMonth: Int

    /// How many sites ended the window opened, closing and closed: each site counts once, by its last change
    /// in the window (a site opened and then closed in it counts as closed).
    static func statuses(_ changes: [StatusChange]) -> (opened: Int, closing: Int, closed: Int) {
        var last: [UUID: StatusChange] = [:]
        for change in changes {
            if let seen = last[change.siteID], (seen.changedOn, seen.order) > (change.changedOn, change.order) {
                continue
            }
            last[change.siteID] = change
        }
        let ended = last.values.map(\.status)
        return (
            ended.filter { $0 == .open }.count, ended.filter { $0 == .closing }.count,
            ended.filter { $0 == .closed }.count
        )
    }

    /// Sites whose latest round is worse than the one before (worst rise first), and how many are better.
    static func moves(_ rounds: [Round]) -> (rose: [Move], fell: Int) {
        let moves = rounds.compactMap { round -> Move? in
            guard let to = round.severity, let from = round.previous, to != from else { return nil }
            return Move(siteID: round.siteID, code: round.code, name: round.name, from: from, to: to)
        }
        let rose = moves.filter { $0.to > $0.from }.sorted {
            ($0.to - $0.from, $0.to, $1.code) > ($1.to - $1.from, $1.to, $0.code)
        }
        return (rose, moves.count - rose.count)
    }

    /// The change in people: each latest count against the count before it at the same site.
    static func people(_ counts: [(latest: Int, previous: Int?)]) -> Int {
        counts.reduce(0) { total, count in total &+ (count.latest &- (count.previous ?? 0)) }
    }
}
