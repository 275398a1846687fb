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
        let indicators = try await Indicator.inUse(on: req.db)
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
