import Fluent
import Foundation
import SQLKit

/// Each site as it stood at the end of a day: its status by its last change until then and its last count until
/// then, so that a month's figures can be set beside the month before's as they were, not as they are now.
enum SitesAsOf {
    struct State: Decodable, Sendable, Equatable {
        var id: UUID
        var code: String
        var name: String
        var status: SiteStatus?
        var people: Int?
        var households: Int?

        /// Open or closing: people live there.
        var isOpen: Bool { status == .open || status == .closing }
    }

    static func states(at day: CalendarDay, on db: any Database) async throws -> [State] {
        let end = day.description
        return try await db.sql.raw(
            """
            SELECT x.id, x.code, x.name, x.status, p.individuals AS people, p.households FROM (
              SELECT s.id, s.code, s.name,
                (SELECT c.status FROM \(ident: SiteStatusChange.schema) c WHERE c.site_id = s.id
                 AND c.changed_on <= \(bind: end) ORDER BY c.changed_on DESC, c.created_at DESC LIMIT 1) AS status,
                (SELECT n.id FROM \(ident: PopulationCount.schema) n WHERE n.site_id = s.id AND n.archived_at IS NULL
                 AND n.counted_on <= \(bind: end) ORDER BY n.counted_on DESC LIMIT 1) AS count_id
              FROM \(ident: Site.schema) s WHERE s.archived_at IS NULL
            ) x LEFT JOIN \(ident: PopulationCount.schema) p ON p.id = x.count_id
            ORDER BY x.code
            """
        ).all(decoding: State.self)
    }

    /// Arrivals and departures written on the counts of a span of days.
    static func movements(from first: CalendarDay, to last: CalendarDay, on db: any Database) async throws -> (
        arrivals: Int, departures: Int
    ) {
        struct Row: Decodable {
            var arrivals: Int?
            var departures: Int?
        }
        let row = try await db.sql.raw(
            """
            SELECT CAST(SUM(n.arrivals) AS BIGINT) AS arrivals, CAST(SUM(n.departures) AS BIGINT) AS departures
            FROM \(ident: PopulationCount.schema) n JOIN \(ident: Site.schema) s ON s.id = n.site_id
            WHERE n.archived_at IS NULL AND s.archived_at IS NULL
              AND n.counted_on >= \(bind: first.description) AND n.counted_on <= \(bind: last.description)
            """
        ).first(decoding: Row.self)
        return (row?.arrivals ?? 0, row?.departures ?? 0)
    }
}
