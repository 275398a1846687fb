import Fluent
import Foundation
import SQLKit

/// The stored `FeedbackTally` counters: written in the same transaction as the item they count, read by the figures.
enum FeedbackTallies {
    static let schema = "feedback_tallies"

    /// Adds a delta to the counters. Counters are merged first (PostgreSQL refuses one statement touching a row
    /// twice) and written in one order, so that two writers locking the same counters never wait on each other in a circle.
    static func add(_ delta: [FeedbackTally.Key: Int], on db: any Database) async throws {
        let changes = delta.filter { $0.value != 0 }.sorted { a, b in
            (a.key.dimension.rawValue, a.key.scope, a.key.month, a.key.key) < (
                b.key.dimension.rawValue, b.key.scope, b.key.month, b.key.key
            )
        }
        for start in stride(from: 0, to: changes.count, by: 1000) {
            var insert = db.sql.insert(into: schema).columns("dimension", "scope", "month", "value", "items")
            for (key, items) in changes[start..<min(start + 1000, changes.count)] {
                insert = insert.values(
                    [
                        SQLBind(key.dimension.rawValue), SQLBind(key.scope), SQLBind(key.month), SQLBind(key.key),
                        SQLBind(items),
                    ] as [any SQLExpression])
            }
            try await insert.onConflict(with: ["dimension", "scope", "month", "value"]) {
                $0.set(SQLColumn("items"), to: SQLRaw("\(schema).items + EXCLUDED.items"))
            }.run()
        }
    }

    /// Counts items just inserted together (the demo).
    static func count(_ items: [FeedbackItem], on db: any Database) async throws {
        try await add(FeedbackTally.total(items.compactMap(\.tallyFacts).map { ($0, 1) }), on: db)
    }

    /// Every item not archived, of every month; without the sensitive ones unless asked for.
    static func received(includingSensitive: Bool, on db: any Database) async throws -> Int {
        struct Row: Decodable { var items: Int? }
        let sensitive: SQLQueryString =
            includingSensitive
            ? ""
            : " AND value NOT IN (SELECT code FROM \(ident: FeedbackCategory.schema) WHERE sensitive = \(bind: true))"
        return try await db.sql.raw(
            "SELECT SUM(items) AS items FROM \(ident: schema) WHERE dimension = \(bind: FeedbackTally.Dimension.category.rawValue)"
                + sensitive
        )
        .first(decoding: Row.self)?.items ?? 0
    }

    struct Count: Decodable {
        var dimension: String
        var scope: String
        var value: String
        var month: String
        var items: Int
    }

    /// The counters of some dimensions over a span of months, for the operation or for some sites.
    /// `byMonth: false` adds the months up (each count then carries the first month of the span).
    static func counts(
        _ dimensions: [FeedbackTally.Dimension], from: ReportingMonth, to: ReportingMonth, sites: [UUID]? = nil,
        byMonth: Bool = true,
        on db: any Database
    ) async throws -> [Count] {
        var query: SQLQueryString = """
            SELECT dimension, scope, value, \(unsafeRaw: byMonth ? "month" : "MIN(month)") AS month, SUM(items) AS items FROM \(ident: schema)
            WHERE dimension IN (\(binds: dimensions.map(\.rawValue))) AND month >= \(bind: from.description) AND month <= \(bind: to.description)
            """
        if let sites { query = query + " AND scope IN (\(binds: sites.map(\.uuidString)))" }
        return try await db.sql.raw(query + " GROUP BY dimension, scope, value" + (byMonth ? ", month" : "")).all(
            decoding: Count.self)
    }
}

/// The monthly feedback counters, and the moment each item falls late, so that the figures and the late list
/// read a few hundred counters and an ordered index instead of a million items.
struct CountFeedbackByMonth: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            """
            CREATE TABLE \(ident: FeedbackTallies.schema) (dimension TEXT NOT NULL, scope TEXT NOT NULL, month TEXT NOT NULL,
              value TEXT NOT NULL, items INTEGER NOT NULL, PRIMARY KEY (dimension, scope, month, value))\(unsafeRaw: database.isSQLite ? " WITHOUT ROWID" : "")
            """
        ).run()
        try await database.schema(FeedbackItem.schema).field("late_from", .datetime).update()
        try await Self.backfill(on: database)
        // Lists count their items by id (Fluent's count), so each index a list is answered from holds the id.
        // The late list in order of lateness, and the figures' late counts, from the index alone.
        try await database.createIndex(
            "feedback_late_from", on: FeedbackItem.schema,
            "late_from", "archived_at", "received_month", "respond_by", "wants_answer", "sensitive", "site_id", "id")
        // The list newest first.
        try await database.createIndex(
            "feedback_received", on: FeedbackItem.schema, "received_at", "archived_at", "sensitive", "site_id", "id")
        // The digest's counts of what is late to acknowledge or answer and due soon.
        try await database.sql.raw("DROP INDEX \(ident: "feedback_late")").run()
        try await database.createIndex(
            "feedback_open", on: FeedbackItem.schema, "status", "respond_by", "acknowledge_by", "sensitive",
            "archived_at",
            "site_id", "id")
    }

    /// What was recorded before this migration, counted by `FeedbackTally` from the items grouped alike, and the
    /// moment each open item falls late (the rule of `FeedbackDeadlines.lateFrom` as it stood when this was written).
    static func backfill(on database: any Database) async throws {
        try await database.sql.raw(
            """
            UPDATE \(ident: FeedbackItem.schema) SET late_from = CASE
              WHEN status = 'new' THEN CASE WHEN acknowledge_by < respond_by THEN acknowledge_by ELSE respond_by END
              WHEN status IN ('acknowledged', 'referred', 'in_progress') THEN respond_by END
            """
        ).run()
        struct Group: Decodable {
            var month: String, siteID: UUID, category: String, channel: String, sex: String?, ageGroup: String?,
                sector: String, status: String
            var wantsAnswer: Int, inTime: Int?, items: Int
        }
        let groups = try await database.sql.raw(
            """
            SELECT received_month AS month, site_id AS "siteID", category_code AS category, channel, sex, age_group AS "ageGroup", sector, status,
              CASE WHEN wants_answer THEN 1 ELSE 0 END AS "wantsAnswer",
              CASE WHEN responded_at IS NULL THEN NULL WHEN responded_at <= respond_by THEN 1 ELSE 0 END AS "inTime", COUNT(*) AS items
            FROM \(ident: FeedbackItem.schema) WHERE archived_at IS NULL
            GROUP BY received_month, site_id, category_code, channel, sex, age_group, sector, status, 9, 10
            """
        ).all(decoding: Group.self)
        try await FeedbackTallies.add(
            FeedbackTally.total(
                groups.map { group in
                    (
                        FeedbackTally.Facts(
                            month: group.month, siteID: group.siteID, category: group.category, channel: group.channel,
                            sex: group.sex ?? "",
                            ageGroup: group.ageGroup ?? "", sector: group.sector, status: group.status,
                            wantsAnswer: group.wantsAnswer == 1,
                            answeredInTime: group.inTime.map { $0 == 1 }), group.items
                    )
                }), on: database)
    }

    func revert(on database: any Database) async throws {
        for index in ["feedback_late_from", "feedback_received", "feedback_open"] {
            try await database.sql.raw("DROP INDEX \(ident: index)").run()
        }
        try await database.createIndex(
            "feedback_late", on: FeedbackItem.schema, "status", "respond_by", "acknowledge_by", "sensitive",
            "archived_at", "site_id")
        try await database.schema(FeedbackItem.schema).deleteField("late_from").update()
        try await database.sql.raw("DROP TABLE \(ident: FeedbackTallies.schema)").run()
    }
}
