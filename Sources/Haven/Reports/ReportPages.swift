import Fluent
import Vapor

/// `/reports` and `/reports/{month}`: drafting, editing and publishing the monthly situation report in the
/// browser, the history of reports, and each report as Markdown and HTML.
struct ReportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.reports, use: list)
        routes.post(Paths.reports, use: create)
        routes.get(Paths.report, use: show)
        routes.post(Paths.report, use: save)
        routes.post(Paths.publishReport) { req in
            try await step(req) { try await SituationReports.publish($0, version: $1, by: $2, on: req.db) }
        }
        routes.post(Paths.redraftReport) { req in
            try await step(req) { try await SituationReports.redraft($0, version: $1, by: $2, req.reportContext) }
        }
        routes.post(Paths.discardReport, use: discard)
        routes.get(Paths.reportMarkdown) { req in
            ReportDocument.markdown(try await ReportQuery.one(req, for: req.authorize(.readOperationalData)))
        }
        routes.get(Paths.reportHTML) { req in
            ReportDocument.html(try await ReportQuery.one(req, for: req.authorize(.readOperationalData)))
        }
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req, user: req.authorize(.readOperationalData), errors: [])
    }

    private func listPage(_ req: Request, user: UserContext, errors: [FieldError], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let (reports, _) = try await ReportQuery.list(
            for: user, page: PageRequest(limit: 240, offset: 0), on: req.db)
        return Layout.response(
            ReportListView(
                user: user, reports: reports, suggestedMonth: ReportingMonth(CalendarDay.today()).adding(months: -1),
                errors: errors, csrf: req.csrfToken
            ).render(), status: status)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.writeReports)
        let raw = try req.content.decode([String: String].self)["month"] ?? ""
        guard let month = ReportingMonth(raw) else {
            return try await listPage(
                req, user: user, errors: [ReportingMonth.refusal("month", raw)], status: .unprocessableEntity)
        }
        do {
            _ = try await SituationReports.create(month, by: user.actor, req.reportContext)
        } catch HavenError.invalid(let errors) {
            return try await listPage(req, user: user, errors: errors, status: .unprocessableEntity)
        } catch HavenError.conflict(let why) {
            // The month has its report already: the person is taken to it rather than told off.
            guard try await SituationReports.find(month, on: req.db) != nil else { throw HavenError.conflict(why) }
        }
        return req.redirect(to: Paths.report.link(month.description))
    }

    func show(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let report = try await ReportQuery.one(req, for: user)
        let message = req.query["done"].flatMap(Self.done)
        return page(req, user, report, text: report.text, message: message)
    }

    func save(req: Request) async throws -> Response {
        let user = try req.authorize(.writeReports)
        let report = try await ReportQuery.one(req, for: user)
        let values = try req.content.decode([String: String].self)
        let text = values["text"] ?? ""
        do {
            try await SituationReports.save(
                report, text: text, version: Int(values["version"] ?? "") ?? -1, by: user.actor, on: req.db)
        } catch HavenError.invalid(let errors) {
            return page(
                req, user, report, text: text, message: "Nothing was saved: see below.", errors: errors,
                status: .unprocessableEntity)
        } catch HavenError.conflict(let why) {
            // What the person typed stays in the editor, so a refused save loses nothing.
            let current = try await SituationReports.find(report.reportingMonth, on: req.db) ?? report
            return page(
                req, user, current, text: text, message: why + " Your text is kept in the editor.",
                errors: [FieldError("text", "not saved")], status: .conflict)
        }
        return req.redirect(to: Paths.with(Paths.report.link(report.month), ["done": "saved"]))
    }

    func discard(req: Request) async throws -> Response {
        let user = try req.authorize(.writeReports)
        let report = try await ReportQuery.one(req, for: user)
        try await SituationReports.discard(report, by: user.actor, on: req.db)
        return req.redirect(to: Paths.reports.link())
    }

    private func step(_ req: Request, _ action: (SituationReport, Int, Actor) async throws -> Void) async throws
        -> Response
    {
        let user = try req.authorize(.writeReports)
        let report = try await ReportQuery.one(req, for: user)
        let version = Int(try req.content.decode([String: String].self)["version"] ?? "") ?? -1
        do {
            try await action(report, version, user.actor)
        } catch HavenError.conflict(let why) {
            let current = try await SituationReports.find(report.reportingMonth, on: req.db) ?? report
            return page(req, user, current, text: current.text, message: why, errors: [], status: .conflict)
        }
        let done = req.url.path.hasSuffix("publish") ? "published" : "redrafted"
        return req.redirect(to: Paths.with(Paths.report.link(report.month), ["done": done]))
    }

    private static func done(_ code: String) -> String? {
        let w = Wording.staff
        return ["saved": w[.draftSaved], "published": w[.publishedDone], "redrafted": w[.redrafted]][code]
    }

    private func page(
        _ req: Request, _ user: UserContext, _ report: SituationReport, text: String, message: String?,
        errors: [FieldError] = [], status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.response(
            ReportView(user: user, report: report, text: text, message: message, errors: errors, csrf: req.csrfToken)
                .render(), status: status)
    }
}
