import Fluent
import Vapor

/// `/api/v1/reports`: monthly situation reports. Coordinators draft a month from the data, edit its Markdown and
/// publish it; published reports are frozen and readable by everyone who reads operational data.
struct ReportAPI: RouteCollection {
    struct Summary: Content {
        var month: String
        var title: String
        var status: SituationReport.Status
        var version: Int
        var draftedAt: Date
        var publishedAt: Date?
        var publishedBy: String?

        init(_ report: SituationReport) {
            month = report.month
            title = Markdown.title(report.text) ?? ReportDraft.title(report.reportingMonth)
            status = report.status
            version = report.version
            draftedAt = report.draftedAt
            publishedAt = report.publishedAt
            publishedBy = report.publishedBy.isEmpty ? nil : report.publishedBy
        }
    }

    struct Body: Content {
        var summary: Summary
        var text: String
        var sections: [ReportPart]

        init(_ report: SituationReport) {
            summary = Summary(report)
            text = report.text
            sections = report.parts
        }
    }

    struct NewReport: Content { var month: String }
    struct Edit: Content {
        var text: String
        var version: Int
    }
    struct Version: Content { var version: Int }

    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports")
        reports.get(use: list)
        reports.post(use: create)
        reports.get(":month", use: one)
        reports.put(":month", use: save)
        reports.post(":month", "publish") {
            try await act($0) { try await SituationReports.publish($0, version: $1, by: $2, on: $3.db) }
        }
        reports.post(":month", "redraft") {
            try await act($0) { try await SituationReports.redraft($0, version: $1, by: $2, $3.reportContext) }
        }
        reports.post(":month", "archive", use: discard)
    }

    func list(req: Request) async throws -> Page<Summary> {
        let user = try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let (reports, total) = try await ReportQuery.list(for: user, page: page, on: req.db)
        return Page(items: reports.map(Summary.init), total: total, request: page)
    }

    func one(req: Request) async throws -> Body {
        let user = try req.authorize(.readOperationalData)
        return Body(try await ReportQuery.one(req, for: user))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.writeReports)
        let body = try req.content.decode(NewReport.self)
        guard let month = ReportingMonth(body.month) else {
            throw HavenError.invalid([ReportingMonth.refusal("month", body.month)])
        }
        let report = try await SituationReports.create(month, by: user.actor, req.reportContext)
        return try await Body(report).encodeResponse(status: .created, for: req)
    }

    func save(req: Request) async throws -> Body {
        let user = try req.authorize(.writeReports)
        let report = try await ReportQuery.one(req, for: user)
        let edit = try req.content.decode(Edit.self)
        try await SituationReports.save(report, text: edit.text, version: edit.version, by: user.actor, on: req.db)
        return Body(report)
    }

    func discard(req: Request) async throws -> Body {
        let user = try req.authorize(.writeReports)
        let report = try await ReportQuery.one(req, for: user)
        try await SituationReports.discard(report, by: user.actor, on: req.db)
        return Body(report)
    }

    /// A step on a draft that names the version it was taken on.
    private func act(
        _ req: Request, _ step: (SituationReport, Int, Actor, Request) async throws -> Void
    ) async throws -> Body {
        let user = try req.authorize(.writeReports)
        let report = try await ReportQuery.one(req, for: user)
        try await step(report, try req.content.decode(Version.self).version, user.actor, req)
        return Body(report)
    }
}

extension Request {
    /// What the report's sections need from the running application.
    var reportContext: ReportContext {
        ReportContext(db: db, smallCellThreshold: application.havenSettings.smallCellThreshold)
    }
}
