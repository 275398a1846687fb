import Fluent
import SQLKit
import Vapor

/// What the reporting pages read: which months each organisation reported, and an organisation's months
/// with their totals.
enum ReportingQuery {
    struct Month: Decodable {
        var month: String
        var lines: Int
        var targeted: Int?
        var reached: Int?
    }

    /// The months each organisation reported lines for.
    static func reported(on db: any Database) async throws -> [UUID: Set<ReportingMonth>] {
        struct Row: Decodable {
            var organisation: UUID
            var month: String
        }
        let rows = try await db.sql.raw(
            """
            SELECT reporting_organisation_id AS organisation, month FROM \(ident: Activity.schema) WHERE archived_at IS NULL
            GROUP BY reporting_organisation_id, month
            """
        ).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.organisation).mapValues {
            Set($0.compactMap { ReportingMonth($0.month) })
        }
    }

    /// The months the organisation reported lines for, newest first, with their totals.
    static func months(of organisation: UUID, on db: any Database) async throws -> [Month] {
        try await db.sql.raw(
            """
            SELECT month, COUNT(*) AS lines, SUM(targeted) AS targeted, SUM(reached) AS reached FROM \(ident: Activity.schema)
            WHERE archived_at IS NULL AND reporting_organisation_id = \(bind: organisation) GROUP BY month ORDER BY month DESC
            """
        ).all(decoding: Month.self)
    }
}
