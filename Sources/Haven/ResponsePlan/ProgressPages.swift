import Fluent
import Vapor

/// Progress against the response plan in the browser; coordinators set and archive targets here.
struct ProgressPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.progress, use: show)
        routes.post(Paths.targets, use: add)
        routes.post(Paths.archiveTarget, use: archive)
    }

    func show(req: Request) async throws -> Response {
        try await page(req, form: [:], errors: [])
    }

    func add(req: Request) async throws -> Response {
        let user = try req.authorize(.editResponsePlan)
        let values = try req.content.decode([String: String].self)
        do {
            _ = try await TargetRegister.record(try Self.input(values), by: user, on: req.db)
            return req.redirect(to: Paths.progress.link())
        } catch HavenError.invalid(let errors) {
            return try await page(req, form: values, errors: errors, status: .unprocessableEntity)
        } catch HavenError.conflict(let why) {
            return try await page(req, form: values, errors: [FieldError("sector", why)], status: .conflict)
        }
    }

    func archive(req: Request) async throws -> Response {
        let user = try req.authorize(.editResponsePlan)
        try await TargetRegister.setArchived(
            true, try await req.find(ResponseTarget.self, named: "Target"), by: user, on: req.db)
        return req.redirect(to: Paths.progress.link())
    }

    private func page(_ req: Request, form: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.authorize(.readOperationalData)
        let query = try ProgressQuery(req)
        let (targets, progress, names) = try await query.progress(on: req.db)
        let view = ProgressView(
            user: user, areas: try await AreaSuggestions.load(on: req.db), query: query, targets: targets,
            progress: progress, names: names,
            form: form, errors: errors, csrf: req.csrfToken)
        return Layout.response(view.render(), status: status)
    }

    /// A target from the page's form; each field that cannot be read is named.
    static func input(_ values: [String: String]) throws -> TargetInput {
        var errors: [FieldError] = []
        func month(_ name: String) -> ReportingMonth {
            guard let month = values[name].nonEmpty.flatMap(ReportingMonth.init) else {
                errors.append(ReportingMonth.refusal(name, values[name]))
                return ReportingMonth(CalendarDay.today())
            }
            return month
        }
        let from = month("fromMonth")
        let to = month("toMonth")
        let people = values["people"].nonEmpty.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) }
        if people == nil { errors.append(FieldError("people", "'\(values["people"] ?? "")' is not a whole number")) }
        try HavenError.check(errors)
        return TargetInput(
            sector: values["sector"] ?? "", activity: values["activity"].nonEmpty,
            adminArea: values["adminArea"].nonEmpty,
            indicator: values["indicator"].nonEmpty, fromMonth: from, toMonth: to, people: people!,
            comment: values["comment"].nonEmpty)
    }
}
