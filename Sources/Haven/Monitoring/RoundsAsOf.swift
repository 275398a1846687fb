import Fluent
import Foundation
import SQLKit

/// Each site's latest monitoring round as it stood at the end of a day, so a month's severity figures are those
/// known then rather than those of a round conducted since.
enum RoundsAsOf {
    struct Round: Sendable, Equatable {
        var conductedOn: CalendarDay
        var overall: Severity?
        var sectors: [String: Severity]
    }

    static func latest(at day: CalendarDay, on db: any Database) async throws -> [UUID: Round] {
        struct Row: Decodable {
            var siteID: UUID
            var conductedOn: String
            var overall: Int?
            var sectors: String
        }
        let rows = try await db.sql.raw(
            """
            SELECT r.site_id AS "siteID", r.conducted_on AS "conductedOn", r.overall_severity AS overall,
              r.sector_severities AS sectors
            FROM (SELECT s.id,
                    (SELECT m.id FROM \(ident: MonitoringRound.schema) m WHERE m.site_id = s.id AND m.archived_at IS NULL
                     AND m.conducted_on <= \(bind: day.description) ORDER BY m.conducted_on DESC LIMIT 1) AS round_id
                  FROM \(ident: Site.schema) s WHERE s.archived_at IS NULL) x
            JOIN \(ident: MonitoringRound.schema) r ON r.id = x.round_id
            """
        ).all(decoding: Row.self)
        var rounds: [UUID: Round] = [:]
        for row in rows {
            guard let day = CalendarDay(row.conductedOn) else { continue }
            rounds[row.siteID] = Round(
                conductedOn: day, overall: row.overall.flatMap(Severity.init(rawValue:)),
                sectors: SectorSeverities.decode(row.sectors))
        }
        return rounds
    }

    /// How many sites had a round conducted within a span of days.
    static func sitesAssessed(from first: CalendarDay, to last: CalendarDay, on db: any Database) async throws -> Int {
        struct Row: Decodable { var sites: Int }
        return try await db.sql.raw(
            """
            SELECT COUNT(DISTINCT r.site_id) AS sites FROM \(ident: MonitoringRound.schema) r
            JOIN \(ident: Site.schema) s ON s.id = r.site_id
            WHERE r.archived_at IS NULL AND s.archived_at IS NULL
              AND r.conducted_on >= \(bind: first.description) AND r.conducted_on <= \(bind: last.description)
            """
        ).first(decoding: Row.self)?.sites ?? 0
    }
}
