import Fluent
import Plot
import Vapor

/// The catalogue in the browser: everyone reads it; coordinators adapt wording, standards, bands and answer severities.
struct CataloguePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.indicators, use: list)
        routes.get(Paths.indicator, use: form)
        routes.post(Paths.indicator, use: save)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let indicators = try await Indicator.query(on: req.db).live().sort(\.$position).all()
        let version = try await Catalogue.current(on: req.db).number
        let canEdit = Permission.editCatalogue.isGranted(to: user)
        return Layout.response(
            Layout.page(
                "Monitoring catalogue", user: user,
                .h1("Monitoring catalogue"),
                .p(
                    .text(
                        "Version \(version). Each change publishes a new version; rounds keep the version they were scored with."
                    )),
                .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th("Code"), .th("Sector"), .th("Indicator"), .th("Type"), .th("Standard and bands"),
                                .th(.class("hide-narrow"), "Source"))),
                        .tbody(
                            .forEach(indicators) { i in
                                .tr(
                                    .td(
                                        canEdit
                                            ? .a(.href(Paths.indicator.link(i.id!)), .text(i.code))
                                            : .text(i.code)),
                                    .td(.text(i.sector)),
                                    .td(.text(i.unit.isEmpty ? i.label : "\(i.label) (\(i.unit))")),
                                    .td(.text(i.valueType.label)),
                                    .td(.text(Self.scoring(i))), .td(.class("hide-narrow"), .small(.text(i.source))))
                            })))))
    }

    /// "at most 20 · 3 above 30 · 4 above 40 · 5 above 60", or each answer's severity.
    static func scoring(_ i: Indicator) -> String {
        if let bands = i.bands {
            let word = bands.comparison == .atMost ? "above" : "below"
            let steps = bands.cuts.dropFirst().enumerated().map {
                "\($0.offset + 3) \(word) \(Format.decimal($0.element, digits: $0.element < 10 ? 1 : 0))"
            }
            return
                "\(bands.comparison == .atMost ? "at most" : "at least") \(Format.decimal(bands.threshold, digits: bands.threshold < 10 ? 1 : 0)) · "
                + steps.joined(separator: " · ")
        }
        let scored = i.options.filter { $0.severity != nil }
        return scored.isEmpty
            ? "not scored" : scored.map { "\($0.label): \($0.severity!.rawValue)" }.joined(separator: " · ")
    }

    func form(req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let indicator = try await req.find(Indicator.self, named: "Indicator")
        return Layout.response(
            IndicatorFormView(
                user: user, indicator: IndicatorBody(indicator), values: IndicatorForm.values(IndicatorBody(indicator)),
                errors: [], csrf: req.csrfToken
            ).render())
    }

    func save(req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let indicator = try await req.find(Indicator.self, named: "Indicator")
        let values = try req.content.decode([String: String].self)
        do {
            try await CatalogueEditor.update(
                indicator, with: try IndicatorForm.body(from: values, for: IndicatorBody(indicator)), by: user.actor,
                on: req.db)
            return req.redirect(to: Paths.indicators.link())
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                IndicatorFormView(
                    user: user, indicator: IndicatorBody(indicator), values: values, errors: errors,
                    csrf: req.csrfToken
                ).render(), status: .unprocessableEntity)
        }
    }
}

/// The indicator form's fields: wording, then either the standard's four cut points or a severity per answer.
enum IndicatorForm {
    static func values(_ body: IndicatorBody) -> [String: String] {
        var values = ["label": body.label, "sector": body.sector, "unit": body.unit, "source": body.source ?? ""]
        if let bands = body.standard {
            values["comparison"] = bands.comparison.rawValue
            for (index, cut) in bands.cuts.enumerated() { values["cut\(index)"] = String(cut) }
        }
        for option in body.options ?? [] {
            values["severity.\(option.value)"] = option.severity.map { String($0.rawValue) } ?? ""
        }
        return values
    }

    static func body(from values: [String: String], for current: IndicatorBody) throws -> IndicatorBody {
        var body = current
        var reader = FieldReader(values: values)
        body.label = values["label"] ?? ""
        body.sector = values["sector"] ?? ""
        body.unit = values["unit"] ?? ""
        body.source = values["source"]
        if current.valueType.isNumeric {
            let cuts = (0..<4).map { reader.double("cut\($0)") }
            if cuts.allSatisfy({ $0 == nil }) {
                body.standard = nil
            } else if cuts.contains(where: { $0 == nil }) {
                reader.fail("standard", "give all four cut points, or none to leave the indicator unscored")
            } else {
                body.standard = SeverityBands(
                    comparison: Comparison(rawValue: values["comparison"] ?? "") ?? .atMost, cuts: cuts.map { $0! })
            }
        }
        body.options = current.options?.map { option in
            var option = option
            option.severity = (values["severity.\(option.value)"]).flatMap(Int.init).flatMap(Severity.init(rawValue:))
            return option
        }
        try HavenError.check(reader.errors)
        return body
    }
}

struct IndicatorFormView {
    var user: UserContext
    var indicator: IndicatorBody
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        Layout.page(
            "Edit \(indicator.code)", user: user,
            .h1(.text("\(indicator.code): \(indicator.label)")),
            .if(
                !errors.isEmpty,
                .p(
                    .class("alert"),
                    .text("Nothing was saved: " + errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")))),
            .p(
                .text(
                    "\(indicator.valueType.label)\(indicator.derived.map { ", computed as \($0.rawValue.replacingOccurrences(of: "_", with: " "))" } ?? "")."
                )),
            Layout.form(
                action: Paths.indicator.link(indicator.id!), csrf: csrf,
                Layout.field("label", "Label", value: values["label"], errors: errors, required: true),
                Layout.field("sector", "Sector", value: values["sector"], errors: errors, required: true),
                Layout.field("unit", "Unit", value: values["unit"], errors: errors),
                .if(
                    indicator.valueType.isNumeric,
                    .fieldset(
                        .element(named: "legend", text: "Standard and severity bands"),
                        Layout.select(
                            "comparison", "The standard is",
                            options: [("<=", "at most (lower is better)"), (">=", "at least (higher is better)")],
                            selected: values["comparison"], errors: errors),
                        Layout.field(
                            "cut0", "Standard (severity 1 when met)", value: values["cut0"], errors: errors,
                            type: .number),
                        Layout.field("cut1", "Severity 3 beyond", value: values["cut1"], errors: errors, type: .number),
                        Layout.field("cut2", "Severity 4 beyond", value: values["cut2"], errors: errors, type: .number),
                        Layout.field("cut3", "Severity 5 beyond", value: values["cut3"], errors: errors, type: .number))
                ),
                .if(
                    !(indicator.options ?? []).isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Severity of each answer"),
                        .forEach(indicator.options ?? []) { option in
                            Layout.select(
                                "severity.\(option.value)", option.label,
                                options: [("", "Not scored")]
                                    + Severity.allCases.map { (String($0.rawValue), "\($0.rawValue) \($0.label)") },
                                selected: values["severity.\(option.value)"], errors: errors)
                        })),
                Layout.field("source", "Source", value: values["source"], errors: errors),
                .button(.type(.submit), "Save and publish a new catalogue version")))
    }
}
