import Fluent
import SQLKit
import Vapor

/// A month's 5W set against site monitoring, read for the API and the page alike: the work reported for the
/// month, the gaps among the sites' needs, and the duplications.
enum ResponseAnalysisQuery {
    /// The month asked for, this month when none is.
    static func month(_ req: Request) throws -> ReportingMonth {
        guard let raw = (req.query["month"] as String?).nonEmpty else { return ReportingMonth(.today()) }
        guard let month = ReportingMonth(raw) else { throw HavenError.invalid([ReportingMonth.refusal("month", raw)]) }
        return month
    }

    /// The month's work: the lines reported for the month whose period touches it, read as plain rows. The 5W is
    /// a monthly report, so a line of an earlier month says nothing about this one (and an open-ended line reported
    /// once would otherwise count forever).
    static func work(in month: ReportingMonth, site: UUID? = nil, on db: any Database) async throws
        -> [ResponseAnalysis.Work]
    {
        struct Row: Decodable {
            var siteID: UUID?, sector: String, activity: String, organisationID: UUID
            var status: String, start: String, end: String?, reached: Int?
        }
        let atSite: SQLQueryString = site.map { " AND site_id = \(bind: $0)" } ?? ""
        let rows = try await db.sql.raw(
            """
            SELECT site_id AS "siteID", sector, activity_code AS activity,
              COALESCE(implementing_organisation_id, reporting_organisation_id) AS "organisationID", status, start_on AS start, end_on AS "end", reached
            FROM \(ident: Activity.schema) WHERE archived_at IS NULL AND month = \(bind: month.description)
            AND start_on <= \(bind: month.lastDay.description)
            AND (end_on IS NULL OR end_on >= \(bind: month.firstDay.description))\(atSite)
            """
        ).all(decoding: Row.self)
        return rows.compactMap { row in
            guard let status = ActivityStatus(rawValue: row.status), let start = CalendarDay(row.start) else {
                return nil
            }
            return ResponseAnalysis.Work(
                siteID: row.siteID, sector: row.sector, activity: row.activity, organisationID: row.organisationID,
                status: status, start: start, end: row.end.flatMap(CalendarDay.init), reached: row.reached)
        }
    }

    static func population(of siteIDs: Set<UUID>, on db: any Database) async throws -> [UUID: Int] {
        guard !siteIDs.isEmpty else { return [:] }
        let sites = try await Site.query(on: db).filter(\.$id ~~ Array(siteIDs)).field(\.$id).field(
            \.$populationIndividuals
        ).all()
        return Dictionary(
            sites.compactMap { site in site.populationIndividuals.map { (site.id!, $0) } },
            uniquingKeysWith: { a, _ in a })
    }

    /// The month's gaps among the sites the request's area and type filters select, in its response sector
    /// (`responseSector`) if it names one, with the sites' needs.
    static func gaps(_ req: Request, work: [ResponseAnalysis.Work], in month: ReportingMonth) async throws
        -> (gaps: [ResponseAnalysis.Gap], needs: [ResponseAnalysis.SiteNeed])
    {
        let sector = (req.query["responseSector"] as String?).nonEmpty
        let (_, scores) = try await GapAnalysisQuery(req).sites(on: req.replica)
        let needs = scores.map {
            ResponseAnalysis.SiteNeed(siteID: $0.siteID, code: $0.code, population: $0.population, sectors: $0.sectors)
        }
        let gaps = ResponseAnalysis.gaps(needs, work, from: month.firstDay, to: month.lastDay)
        return (gaps.filter { sector == nil || $0.sector == sector }, needs)
    }

    /// The month's duplications, each with the population of its site.
    static func duplications(_ work: [ResponseAnalysis.Work], in month: ReportingMonth, on db: any Database)
        async throws -> [ResponseAnalysis.Duplication]
    {
        let population = try await population(of: Set(work.compactMap(\.siteID)), on: db)
        return ResponseAnalysis.duplications(work, population: population, from: month.firstDay, to: month.lastDay)
    }
}
