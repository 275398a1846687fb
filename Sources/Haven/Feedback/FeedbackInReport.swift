import Fluent

/// Complaints and feedback in the monthly report, from the monthly counters: items received against the month
/// before, the share of those who asked for an answer that got it in time, and the channels and (not
/// confidential) categories they came by. Counts below the threshold are suppressed as on the figures page.
struct FeedbackInReport: ReportSection {
    static func draft(_ month: ReportingMonth, _ context: ReportContext) async throws -> ReportPart {
        let previous = month.adding(months: -1)
        let counts = try await FeedbackTallies.counts(
            [.received, .answered, .answeredInTime, .channel, .category], from: previous, to: month, on: context.db)
        let categories = try await FeedbackCategory.query(on: context.db).all()
        return part(
            month,
            counts: counts.map { .init(dimension: $0.dimension, value: $0.value, month: $0.month, items: $0.items) },
            categories: Dictionary(
                categories.filter { !$0.sensitive }.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a }),
            threshold: context.smallCellThreshold)
    }

    struct Count: Equatable, Sendable {
        var dimension: String
        var value: String
        var month: String
        var items: Int
    }

    /// `categories`: the labels of the categories that may be named (never a confidential one).
    static func part(_ month: ReportingMonth, counts: [Count], categories: [String: String], threshold: Int)
        -> ReportPart
    {
        func total(_ dimension: FeedbackTally.Dimension, _ month: ReportingMonth) -> Int {
            counts.filter { $0.dimension == dimension.rawValue && $0.month == month.description }.reduce(0) {
                $0 &+ $1.items
            }
        }
        func breakdown(_ dimension: FeedbackTally.Dimension, label: (String) -> String?) -> [String] {
            let summed = Dictionary(
                counts.filter { $0.dimension == dimension.rawValue && $0.month == month.description }.map {
                    ($0.value, $0.items)
                }, uniquingKeysWith: +)
            let cells = FeedbackFigures.breakdown(
                summed.map { .init(key: $0.key, count: $0.value) }, threshold: threshold
            )
            .cells
            return cells.compactMap { cell in
                label(cell.key).map {
                    "- \(Markdown.escaped($0)): \(cell.count.map(Format.number) ?? "fewer than \(threshold)")"
                }
            }
        }
        let previous = month.adding(months: -1)
        let received = total(.received, month)
        let share = FeedbackFigures.answeredInTimeShare(
            answeredInTime: total(.answeredInTime, month), due: total(.answered, month))
        let sharePrevious = FeedbackFigures.answeredInTimeShare(
            answeredInTime: total(.answeredInTime, previous), due: total(.answered, previous))
        var lines = [
            "\(Disclosure.shown(received, threshold: threshold).map(Format.number) ?? "Fewer than \(threshold)") "
                + "complaints and feedback items were received this month."
                + (share.map {
                    " Of those that asked for an answer and have one, \(Format.decimal($0))% were answered in time."
                } ?? ""),
            "",
        ]
        let channels = breakdown(.channel) { FeedbackChannel(rawValue: $0)?.label ?? $0 }
        if !channels.isEmpty { lines += ["By channel:", ""] + channels + [""] }
        let named = breakdown(.category) { categories[$0] }
        if !named.isEmpty { lines += ["By category (confidential categories are not listed):", ""] + named }
        return ReportPart(
            title: "Complaints and feedback",
            figures: [
                ReportFigure(
                    "feedback_received", "Complaints and feedback received",
                    Disclosure.shown(received, threshold: threshold),
                    previous: Disclosure.shown(total(.received, previous), threshold: threshold)),
                ReportFigure(
                    "answered_in_time", "Answered in time", share.map { Int($0.rounded()) },
                    previous: sharePrevious.map { Int($0.rounded()) }, unit: "%"),
            ],
            markdown: lines.joined(separator: "\n"))
    }
}
