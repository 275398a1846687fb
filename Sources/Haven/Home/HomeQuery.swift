import Fluent
import Foundation
import SQLKit

/// Reads the home page of one person: a handful of aggregate queries, none of which reads a list whole.
enum HomeQuery {
    static func load(for user: UserContext, today: CalendarDay, on db: any Database) async throws -> Home {
        let month = ReportingMonth(today)
        let partner = user.role == .partner ? user.organisationID : nil
        return Home(
            user: user, today: today, operation: try await operation(today: today, on: db),
            worstSites: [.siteManager, .partner].contains(user.role) ? [] : try await worstSites(on: db),
            ownSites: user.role == .siteManager ? try await sites(user.siteIDs, on: db) : [],
            reporting: try await reporting(in: [month], organisation: partner, on: db)[month]
                ?? Home.Reporting(lines: 0, organisations: 0),
            monthsOwed: try await monthsOwed(by: partner, before: month, on: db),
            feedback: user.role == .viewer ? nil : try await FeedbackDigest.make(for: user, on: db))
    }

    private static let open: SQLQueryString = "s.status IN ('open', 'closing') AND s.archived_at IS NULL"
    private static let latestRound: SQLQueryString = """
        LEFT JOIN \(ident: MonitoringRound.schema) r ON r.site_id = s.id AND r.latest AND r.archived_at IS NULL
        """

    static func operation(today: CalendarDay, on db: any Database) async throws -> Home.Operation {
        let stale = today.adding(days: -Home.staleAfterDays).description
        let figures = try await db.sql.raw(
            """
            SELECT COUNT(*) AS open_sites, COALESCE(SUM(s.population_individuals), 0) AS people,
              SUM(CASE WHEN r.overall_severity >= 4 THEN 1 ELSE 0 END) AS severe_sites,
              SUM(CASE WHEN r.conducted_on IS NULL OR r.conducted_on < \(bind: stale) THEN 1 ELSE 0 END) AS stale_sites
            FROM \(ident: Site.schema) s \(latestRound) WHERE \(open)
            """
        ).first(decoding: Home.Operation.self)
        return figures ?? Home.Operation(openSites: 0, people: 0, severeSites: 0, staleSites: 0)
    }

    private static let siteColumns: SQLQueryString = """
        s.id, s.code, s.name, s.population_individuals AS people, s.population_counted_on AS counted_on,
        r.conducted_on AS round_on, r.overall_severity AS severity
        """

    static func worstSites(limit: Int = 10, on db: any Database) async throws -> [Home.SiteLine] {
        try await db.sql.raw(
            """
            SELECT \(siteColumns) FROM \(ident: Site.schema) s \(latestRound)
            WHERE \(open) AND r.overall_severity >= 3
            ORDER BY r.overall_severity DESC, s.population_individuals DESC, s.code LIMIT \(literal: limit)
            """
        ).all(decoding: Home.SiteLine.self)
    }

    static func sites(_ ids: Set<UUID>, on db: any Database) async throws -> [Home.SiteLine] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.raw(
            """
            SELECT \(siteColumns) FROM \(ident: Site.schema) s \(latestRound)
            WHERE s.archived_at IS NULL AND s.id IN (\(binds: Array(ids))) ORDER BY s.code
            """
        ).all(decoding: Home.SiteLine.self)
    }

    /// Live 5W lines and the organisations reporting them, per month; a partner's own lines only.
    static func reporting(in months: [ReportingMonth], organisation: UUID?, on db: any Database) async throws
        -> [ReportingMonth: Home.Reporting]
    {
        struct Row: Decodable {
            var month: String
            var lines: Int
            var organisations: Int
        }
        let own: SQLQueryString = organisation.map { " AND reporting_organisation_id = \(bind: $0)" } ?? ""
        let rows = try await db.sql.raw(
            """
            SELECT month, COUNT(*) AS lines, COUNT(DISTINCT reporting_organisation_id) AS organisations
            FROM \(ident: Activity.schema)
            WHERE archived_at IS NULL AND month IN (\(binds: months.map(\.description)))\(own) GROUP BY month
            """
        ).all(decoding: Row.self)
        return Dictionary(
            rows.compactMap { row in
                ReportingMonth(row.month).map {
                    ($0, Home.Reporting(lines: row.lines, organisations: row.organisations))
                }
            }, uniquingKeysWith: { a, _ in a })
    }

    /// Of the three months before `month`, those in which the organisation reported no line.
    static func monthsOwed(by organisation: UUID?, before month: ReportingMonth, on db: any Database) async throws
        -> [ReportingMonth]
    {
        guard let organisation else { return [] }
        let months = (1...3).map { month.adding(months: -$0) }
        let reported = try await reporting(in: months, organisation: organisation, on: db)
        return months.filter { (reported[$0]?.lines ?? 0) == 0 }
    }
}
