import Fluent
import Plot
import Vapor

/// Recording a monitoring round in the browser: a form generated from the current catalogue, by sector.
struct RoundPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.newRound, use: form)
        routes.get(Paths.roundTemplate, use: template)
        routes.post(Paths.newRound, use: record)
    }

    func form(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordMonitoring(site.scope))
        let catalogue = try await Catalogue.current(on: req.db)
        return Layout.response(
            RoundFormView(
                user: user, site: site, catalogue: catalogue.indicators,
                values: ["conductedOn": CalendarDay.today().description], errors: [], csrf: req.csrfToken
            ).render())
    }

    func record(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordMonitoring(site.scope))
        let catalogue = try await Catalogue.current(on: req.db)
        let values = try req.content.decode([String: String].self)
        do {
            let input = try RoundForm.input(from: values, catalogue: catalogue.indicators)
            _ = try await RoundRegister.record(
                input, for: RoundSite(site), catalogue: catalogue, source: .web, by: user.actor, on: req.db,
                writer: req.roundWriter)
            return req.redirect(to: Paths.site.link(site.id!))
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                RoundFormView(
                    user: user, site: site, catalogue: catalogue.indicators, values: values, errors: errors,
                    csrf: req.csrfToken
                ).render(), status: .unprocessableEntity)
        }
    }

    /// The header row of a rounds file for the current catalogue, to fill in and import.
    func template(req: Request) async throws -> Response {
        try req.authorize(.uploadRounds)
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "haven-monitoring-rounds.csv")
        response.body = .init(string: RoundImport.template(try await Catalogue.current(on: req.db).indicators))
        return response
    }
}

/// Reads the round form: empty answers are questions not asked; numbers are read as numbers.
enum RoundForm {
    static func input(from values: [String: String], catalogue: [IndicatorBody]) throws -> RoundInput {
        var reader = FieldReader(values: values)
        let day = reader.day("conductedOn")
        var answers: [String: Answer] = [:]
        for indicator in catalogue where indicator.valueType != .derived {
            guard let raw = values[indicator.code].nonEmpty else { continue }
            if indicator.valueType.isNumeric {
                if let number = reader.double(indicator.code) { answers[indicator.code] = .number(number) }
            } else {
                answers[indicator.code] = .text(raw)
            }
        }
        var errors = reader.errors
        if day == nil && errors.message(for: "conductedOn") == nil {
            errors.append(FieldError("conductedOn", "is required"))
        }
        try HavenError.check(errors)
        let informants = (values["keyInformants"] ?? "").split(separator: ";").map { String($0).trimmed }
        return RoundInput(conductedOn: day!, keyInformants: informants, values: answers)
    }
}

struct RoundFormView {
    var user: UserContext
    var site: Site
    var catalogue: [IndicatorBody]
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String

    /// Answer errors come back as `values.CODE`; the form's fields are named by code.
    private var fieldErrors: [FieldError] {
        errors.map { FieldError($0.field.hasPrefix("values.") ? String($0.field.dropFirst(7)) : $0.field, $0.message) }
    }

    func render() -> String {
        let sectors = catalogue.reduce(into: [String]()) { if !$0.contains($1.sector) { $0.append($1.sector) } }
        let title = "Monitoring round for \(site.name)"
        return Layout.page(
            title, user: user,
            .h1(.text(title)),
            .if(!errors.isEmpty, .p(.class("alert"), .text("Nothing was saved: correct the answers marked below."))),
            .p(
                "Leave a question empty if it was not asked. Ratios such as people per toilet are computed from the counts and the site's population."
            ),
            Layout.form(
                action: Paths.newRound.link(site.id!), csrf: csrf,
                Layout.field(
                    "conductedOn", "Date of the round", value: values["conductedOn"], errors: fieldErrors, type: .date,
                    required: true),
                Layout.field(
                    "keyInformants", "Key informants (roles, separated by ;)", value: values["keyInformants"],
                    errors: fieldErrors,
                    hint: "e.g. camp leader; women's representative"),
                .forEach(sectors) { sector in
                    .fieldset(
                        .element(named: "legend", text: sector),
                        .forEach(catalogue.filter { $0.sector == sector && $0.valueType != .derived }) { question($0) })
                },
                .button(.type(.submit), "Save the round")))
    }

    private func question(_ indicator: IndicatorBody) -> Node<HTML.FormContext> {
        let label = indicator.unit.isEmpty ? indicator.label : "\(indicator.label) (\(indicator.unit))"
        if indicator.valueType.isNumeric {
            return Layout.field(
                indicator.code, label, value: values[indicator.code], errors: fieldErrors, type: .number)
        }
        let options = [("", "Not asked")] + (indicator.options ?? []).map { ($0.value, $0.label) }
        return Layout.select(
            indicator.code, label, options: options.map { (value: $0.0, label: $0.1) },
            selected: values[indicator.code], errors: fieldErrors)
    }
}
