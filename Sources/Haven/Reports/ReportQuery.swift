import Fluent
import Vapor

/// Reads situation reports as a person may see them: everyone who reads operational data sees the published
/// ones; drafts only those who write reports.
enum ReportQuery {
    static func list(for user: UserContext, page: PageRequest, on db: any Database) async throws -> (
        items: [SituationReport], total: Int
    ) {
        let query = SituationReport.query(on: db).live().sort(\.$month, .descending)
        if !Permission.writeReports.isGranted(to: user) { query.filter(\.$status == .published) }
        return try await query.fetchPage(page)
    }

    /// The report of the month in the request's `month` parameter, if this person may read it; 404 otherwise,
    /// so a draft's existence is not given away.
    static func one(_ req: Request, for user: UserContext) async throws -> SituationReport {
        let month = try month(req)
        guard let report = try await SituationReports.find(month, on: req.db),
            report.status == .published || Permission.writeReports.isGranted(to: user)
        else { throw HavenError.notFound("The report of \(Format.month(month))") }
        return report
    }

    /// Last month's report and the latest published one, for the home pages.
    static func standing(lastMonth: ReportingMonth, on db: any Database) async throws -> Home.Reports {
        let recent = try await SituationReport.query(on: db).live().sort(\.$month, .descending).limit(24).all()
        return Home.Reports(
            lastMonth: lastMonth, lastMonthStatus: recent.first { $0.month == lastMonth.description }?.status,
            latestPublished: recent.first { $0.status == .published }?.reportingMonth)
    }

    static func month(_ req: Request) throws -> ReportingMonth {
        guard let raw = req.parameters.get("month"), let month = ReportingMonth(raw) else {
            throw HavenError.invalid([ReportingMonth.refusal("month", req.parameters.get("month"))])
        }
        return month
    }
}
