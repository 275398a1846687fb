import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/gaps` and `/analysis/duplications`: the 5W set against site monitoring, for a month.
struct ResponseAnalysisAPI: RouteCollection {
    struct GapItem: Content {
        var siteId: UUID, code: String, sector: String, severity: Int, population: Int
    }

    struct DuplicationItem: Content {
        var siteId: UUID, activity: String, organisationIds: [UUID], reached: Int, population: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        let analysis = routes.grouped("analysis")
        analysis.get("gaps", use: gaps)
        analysis.get("duplications", use: duplications)
    }

    func gaps(req: Request) async throws -> Page<GapItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let month = try Self.month(req)
        let (_, scores) = try await GapAnalysisQuery(req).sites(on: req.replica)
        let needs = scores.map {
            ResponseAnalysis.SiteNeed(siteID: $0.siteID, code: $0.code, population: $0.population, sectors: $0.sectors)
        }
        let sector = (req.query["responseSector"] as String?).nonEmpty
        let found = ResponseAnalysis.gaps(
            needs, try await Self.work(in: month, on: req.replica), from: month.firstDay, to: month.lastDay
        )
        .filter { sector == nil || $0.sector == sector }
        let items = found.dropFirst(page.offset).prefix(page.limit)
            .map {
                GapItem(
                    siteId: $0.siteID, code: $0.code, sector: $0.sector, severity: $0.severity.rawValue,
                    population: $0.population)
            }
        return Page(items: Array(items), total: found.count, request: page)
    }

    func duplications(req: Request) async throws -> Page<DuplicationItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let month = try Self.month(req)
        let work = try await Self.work(in: month, on: req.replica)
        let population = try await Self.population(of: Set(work.compactMap(\.siteID)), on: req.replica)
        let found = ResponseAnalysis.duplications(work, population: population, from: month.firstDay, to: month.lastDay)
        let items = found.dropFirst(page.offset).prefix(page.limit).map {
            DuplicationItem(
                siteId: $0.siteID, activity: $0.activity, organisationIds: $0.organisationIDs, reached: $0.reached,
                population: $0.population)
        }
        return Page(items: Array(items), total: found.count, request: page)
    }

    /// The month asked for, this month when none is.
    static func month(_ req: Request) throws -> ReportingMonth {
        guard let raw = (req.query["month"] as String?).nonEmpty else { return ReportingMonth(.today()) }
        guard let month = ReportingMonth(raw) else { throw HavenError.invalid([ReportingMonth.refusal("month", raw)]) }
        return month
    }

    /// The month's work: the lines reported for the month whose period touches it, read as plain rows. The 5W is
    /// a monthly report, so a line of an earlier month says nothing about this one (and an open-ended line reported
    /// once would otherwise count forever).
    static func work(in month: ReportingMonth, on db: any Database) async throws -> [ResponseAnalysis.Work] {
        struct Row: Decodable {
            var siteID: UUID?, sector: String, activity: String, organisationID: UUID
            var status: String, start: String, end: String?, reached: Int?
        }
        let rows = try await db.sql.raw(
            """
            SELECT site_id AS "siteID", sector, activity_code AS activity,
              COALESCE(implementing_organisation_id, reporting_organisation_id) AS "organisationID", status, start_on AS start, end_on AS "end", reached
            FROM \(ident: Activity.schema) WHERE archived_at IS NULL AND month = \(bind: month.description)
            AND start_on <= \(bind: month.lastDay.description)
            AND (end_on IS NULL OR end_on >= \(bind: month.firstDay.description))
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
}
