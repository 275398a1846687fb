import Fluent
import SQLKit
import Vapor

/// Feedback as a table for analysis beside the site data, streamed in batches: one row per item that is not
/// sensitive, with what it was about and how it was handled, never what was said nor who said it. Sensitive
/// items are left out; they are counted, with small counts suppressed, in the figures. Each person exports only
/// the items they may list: item by item, a whole operation's rows would undo the figures' suppression.
enum FeedbackExport {
    /// An item as the export reads it: the columns it shows, with the site's code, as plain values.
    struct Row: Decodable, Sendable {
        var id: UUID
        var reference: String
        var receivedMonth: String
        var siteCode: String
        var categoryCode: String
        var channel: String
        var sector: String
        var status: String
        var sex: String?
        var ageGroup: String?
        var wantsAnswer: Bool
        var respondedAt: Date?
        var acknowledgeBy: Date
        var respondBy: Date
        var satisfaction: String?

        enum CodingKeys: String, CodingKey {
            case id, reference, sector, status, sex, channel, satisfaction
            case receivedMonth = "received_month"
            case siteCode = "site_code"
            case categoryCode = "category_code"
            case ageGroup = "age_group"
            case wantsAnswer = "wants_answer"
            case respondedAt = "responded_at"
            case acknowledgeBy = "acknowledge_by"
            case respondBy = "respond_by"
        }
    }

    typealias Column = ExportTable<Row>.Column

    /// The file is named after its window only through its date; people filter on the month column.
    static let table = ExportTable<Row>(
        name: "Feedback", filename: "haven-feedback",
        columns: [
            Column("reference", "#meta+id") { $0.reference },
            Column("received_month", "#date+received", .month) { $0.receivedMonth },
            Column("site_code", "#loc+code") { $0.siteCode },
            Column("category", "#event+type+code") { $0.categoryCode },
            Column("channel", "#channel") { $0.channel },
            Column("sector", "#sector") { $0.sector },
            Column("status", "#status") { $0.status },
            Column("sex", "#respondee+sex") { $0.sex ?? "" },
            Column("age_group", "#respondee+age") { $0.ageGroup ?? "" },
            Column("answered_in_time", "#indicator+answered_in_time") { item in
                item.wantsAnswer
                    ? String(
                        FeedbackDeadlines.answeredInTime(
                            respondedAt: item.respondedAt,
                            due: .init(acknowledgeBy: item.acknowledgeBy, respondBy: item.respondBy)))
                    : ""
            },
            Column("satisfaction", "#respondee+satisfaction") { $0.satisfaction ?? "" },
        ])

    /// The items that may be exported, received in the window and not sensitive, month by month in batches: each
    /// batch starts where the last ended in the index over (month, id), so that none sorts or skips the items before.
    static func eachBatch(
        _ list: FeedbackFilter, from: ReportingMonth, to: ReportingMonth, batchSize: Int = 2000, on db: any Database,
        _ body: ([Row]) async throws -> Void
    ) async throws {
        let conditions = list.conditions(item: "f")
        var last: (month: String, id: UUID)?
        while true {
            let window: SQLQueryString =
                if let last {
                    """
                    f.received_month >= \(bind: last.month) AND f.received_month <= \(bind: to.description) \
                    AND (f.received_month > \(bind: last.month) OR f.id > \(bind: last.id))
                    """
                } else {
                    "f.received_month >= \(bind: from.description) AND f.received_month <= \(bind: to.description)"
                }
            let batch = try await db.sql.raw(
                """
                SELECT f.id, f.reference, f.received_month, s.code AS site_code, f.category_code, f.channel, f.sector,
                    f.status, f.sex, f.age_group, f.wants_answer, f.responded_at, f.acknowledge_by,
                    f.respond_by, f.satisfaction
                FROM feedback f JOIN sites s ON s.id = f.site_id
                WHERE \(conditions) AND f.sensitive = \(bind: false) AND \(window)
                ORDER BY f.received_month, f.id LIMIT \(literal: batchSize)
                """
            ).all(decoding: Row.self)
            guard !batch.isEmpty else { return }
            try await body(batch)
            last = batch.last.map { ($0.receivedMonth, $0.id) }
        }
    }
}

/// The export walks the live items in the order of this index, a batch at a time.
struct IndexFeedbackExport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createLiveIndex("feedback_live_months", on: FeedbackItem.schema, "received_month", "id")
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "feedback_live_months").run()
    }
}
