import Fluent
import Foundation
import SQLKit

/// Reads the home page of one person: a handful of aggregate queries, none of which reads a list whole.
enum HomeQuery {
    static func load(for user: UserContext, today: CalendarDay, on db: any Database) async throws -> Home {
        let month = ReportingMonth(today)
        let partner = user.role == .partner ? user.organisationID : nil
        let followsAll = [.coordinator, .administrator, .viewer].contains(user.role)
        let reported = try await reporting(in: [month, month.adding(months: -1)], organisation: partner, on: db)
        return Home(
            user: user, today: today, operation: try await operation(today: today, on: db),
            worstSites: [.siteManager, .partner].contains(user.role) ? [] : try await worstSites(on: db),
            ownSites: user.role == .siteManager ? try await sites(user.siteIDs, on: db) : [],
            reporting: reported[month] ?? Home.Reporting(lines: 0, organisations: 0),
            monthsOwed: try await monthsOwed(by: partner, before: month, on: db),
            feedback: user.role == .viewer ? nil : try await FeedbackDigest.make(for: user, on: db),
            changes: followsAll
                ? try await changes(
                    since: today.adding(days: -Home.changeWindowDays),
                    linesLastMonth: reported[month.adding(months: -1)]?.lines ?? 0, on: db) : nil,
            organisationsBehind: followsAll ? try await organisationsBehind(before: month, on: db) : 0,
            waitingImports: try await waitingImports(of: user, on: db),
            reports: try await ReportQuery.standing(lastMonth: month.adding(months: -1), on: db))
    }

    /// The window's status changes, latest rounds and counts, read as the few rows they are and summed by
    /// `HomeChanges`.
    static func changes(since: CalendarDay, linesLastMonth: Int, on db: any Database) async throws -> HomeChanges {
        struct Change: Decodable {
            var siteID: UUID, status: SiteStatus, changedOn: String, createdAt: Date?
        }
        let changes = try await db.sql.raw(
            """
            SELECT c.site_id AS "siteID", c.status, c.changed_on AS "changedOn", c.created_at AS "createdAt"
            FROM \(ident: SiteStatusChange.schema) c JOIN \(ident: Site.schema) s ON s.id = c.site_id
            WHERE s.archived_at IS NULL AND c.changed_on >= \(bind: since.description)
            """
        ).all(decoding: Change.self).compactMap { change in
            CalendarDay(change.changedOn).map {
                HomeChanges.StatusChange(
                    siteID: change.siteID, status: change.status, changedOn: $0,
                    order: change.createdAt?.timeIntervalSince1970 ?? 0)
            }
        }
        struct Round: Decodable {
            var siteID: UUID, code: String, name: String, severity: Int?, previous: Int?
        }
        let rounds = try await db.sql.raw(
            """
            SELECT s.id AS "siteID", s.code, s.name, r.overall_severity AS severity,
              (SELECT p.overall_severity FROM \(ident: MonitoringRound.schema) p
               WHERE p.site_id = r.site_id AND p.archived_at IS NULL AND p.conducted_on < r.conducted_on
               ORDER BY p.conducted_on DESC LIMIT 1) AS previous
            FROM \(ident: Site.schema) s \(latestRound) WHERE \(open) AND r.conducted_on >= \(bind: since.description)
            """
        ).all(decoding: Round.self).map {
            HomeChanges.Round(
                siteID: $0.siteID, code: $0.code, name: $0.name, severity: $0.severity, previous: $0.previous)
        }
        struct Count: Decodable {
            var latest: Int, previous: Int?
        }
        let counts = try await db.sql.raw(
            """
            SELECT s.population_individuals AS latest,
              (SELECT c.individuals FROM \(ident: PopulationCount.schema) c
               WHERE c.site_id = s.id AND c.archived_at IS NULL AND c.counted_on < s.population_counted_on
               ORDER BY c.counted_on DESC LIMIT 1) AS previous
            FROM \(ident: Site.schema) s
            WHERE s.archived_at IS NULL AND s.population_individuals IS NOT NULL
              AND s.population_counted_on >= \(bind: since.description)
            """
        ).all(decoding: Count.self)
        let statuses = HomeChanges.statuses(changes)
        let moves = HomeChanges.moves(rounds)
        return HomeChanges(
            opened: statuses.opened, closing: statuses.closing, closed: statuses.closed, rose: moves.rose,
            fell: moves.fell, people: HomeChanges.people(counts.map { ($0.latest, $0.previous) }),
            linesLastMonth: linesLastMonth)
    }

    /// Organisations with live lines in one of the two months before last month but none last month.
    static func organisationsBehind(before month: ReportingMonth, on db: any Database) async throws -> Int {
        let last = month.adding(months: -1).description
        let earlier = [month.adding(months: -2).description, month.adding(months: -3).description]
        let row = try await db.sql.raw(
            """
            SELECT COUNT(DISTINCT a.reporting_organisation_id) AS behind FROM \(ident: Activity.schema) a
            WHERE a.archived_at IS NULL AND a.month IN (\(binds: earlier))
              AND NOT EXISTS (SELECT 1 FROM \(ident: Activity.schema) b WHERE b.archived_at IS NULL
                AND b.reporting_organisation_id = a.reporting_organisation_id AND b.month = \(bind: last))
            """
        ).first()
        return try row?.decode(column: "behind", as: Int.self) ?? 0
    }

    /// The person's background imports checked and waiting for their confirmation.
    static func waitingImports(of user: UserContext, on db: any Database) async throws -> [Home.WaitingImport] {
        let jobs = try await ImportJob.query(on: db).filter(\.$userID == user.id).filter(\.$phase == .checked)
            .sort(\.$heartbeatAt, .descending).limit(5).all()
        return jobs.compactMap { job in
            guard let id = job.id, let page = Importers.all.first(where: { $0.kind == job.kind })?.page else {
                return nil
            }
            return Home.WaitingImport(fileName: job.fileName, link: page.job.link(id))
        }
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
