import Fluent
import SQLKit
import Vapor

/// What the monitoring dashboard reads beside the gap analysis: the map's outlines and the two-year trend.
enum MonitoringDashboardQuery {
    /// The outlines to draw: the chosen area and the areas one level below it (the country and its first
    /// level when no area is chosen), for those whose boundaries were imported.
    static func outlines(around key: String?, on db: any Database) async throws -> [Outline] {
        let area = try await key.asyncMap { try await AdminAreaLookup.find($0, on: db) } ?? nil
        let level = area?.level ?? 0
        return try await AreaOutlines.load(levels: [level, level + 1], within: area?.pcode ?? "", on: db).map(\.outline)
    }

    /// Of the people in the sites assessed each month of the last two years, the share living in sites at
    /// severity 3 or worse: a share, so that months when fewer sites were visited still compare.
    static func trend(on db: any Database) async throws -> [Charts.Point] {
        let since = CalendarDay.today().adding(months: -24).description
        struct Row: Decodable {
            var month: String
            var inNeed: Int?
            var assessed: Int?
        }
        let rows = try await db.sql.raw(
            """
            SELECT SUBSTR(conducted_on, 1, 7) AS month,
                   SUM(CASE WHEN overall_severity >= 3 THEN population ELSE 0 END) AS "inNeed", SUM(population) AS assessed
            FROM monitoring_rounds WHERE archived_at IS NULL AND conducted_on >= \(bind: since) GROUP BY SUBSTR(conducted_on, 1, 7) ORDER BY month
            """
        ).all(decoding: Row.self)
        return rows.compactMap { row in
            guard let day = CalendarDay(row.month + "-01"), let assessed = row.assessed, assessed > 0 else {
                return nil
            }
            return Charts.Point(
                day: day, value: Int(saturating: (Double(row.inNeed ?? 0) / Double(assessed) * 100).rounded()))
        }
    }
}
