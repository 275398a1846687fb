import Fluent
import Plot
import Vapor

/// Recording a population count in the browser, the way a site manager does after each headcount.
struct PopulationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.newCount, use: form)
        routes.post(Paths.newCount, use: record)
    }

    func form(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordPopulation(site.scope))
        let values = [
            "countedOn": CalendarDay.today().description, "source": PopulationSource.headcount.rawValue,
            "disaggregated": "yes",
        ]
        return Layout.response(
            PopulationFormView(user: user, site: site, values: values, errors: [], csrf: req.csrfToken).render())
    }

    func record(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordPopulation(site.scope))
        let values = try req.content.decode([String: String].self)
        do {
            _ = try await PopulationRegister.record(
                try PopulationForm.figures(from: values), for: site, by: user.actor, on: req.db)
            return req.redirect(to: Paths.site.link(site.id!))
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                PopulationFormView(user: user, site: site, values: values, errors: errors, csrf: req.csrfToken)
                    .render(),
                status: .unprocessableEntity)
        }
    }
}

/// Reads the count form's text fields into figures, naming each field it cannot read.
enum PopulationForm {
    static func figures(from values: [String: String]) throws -> PopulationFigures {
        var reader = FieldReader(values: values)
        let day = reader.day("countedOn")
        let households = reader.int("households")
        let individuals = reader.int("individuals")
        let cells = PopulationFigures.cellFields.map { reader.int($0) }
        let figures = PopulationFigures(
            countedOn: day ?? .today(), households: households ?? 0, individuals: individuals ?? 0,
            disaggregated: values["disaggregated"] == "yes", female: Array(cells[0..<5]), male: Array(cells[5..<10]),
            personsWithDisabilities: reader.int("personsWithDisabilities"),
            unaccompaniedSeparatedChildren: reader.int("unaccompaniedSeparatedChildren"),
            femaleHeadedHouseholds: reader.int("femaleHeadedHouseholds"),
            olderPersonsAlone: reader.int("olderPersonsAlone"),
            arrivals: reader.int("arrivals"), departures: reader.int("departures"),
            source: reader.vocabulary("source", PopulationSource.self) ?? .estimate)
        var errors = reader.errors
        for (field, value) in [
            ("countedOn", day.map { _ in 0 }), ("households", households), ("individuals", individuals),
        ]
        where value == nil && errors.message(for: field) == nil {
            errors.append(FieldError(field, "is required"))
        }
        let unread = Set(errors.map(\.field))
        try HavenError.check(
            errors + PopulationRules.validate(figures, today: .today()).filter { !unread.contains($0.field) })
        return figures
    }
}

struct PopulationFormView {
    var user: UserContext
    var site: Site
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        let title = "Record a count for \(site.name)"
        return Layout.page(
            title, user: user,
            .h1(.text(title)),
            .if(!errors.isEmpty, .p(.class("alert"), .text("Nothing was saved: correct the fields marked below."))),
            Layout.form(
                action: Paths.newCount.link(site.id!), csrf: csrf,
                field("countedOn", "Date of the count", type: .date),
                field("households", "Households", type: .number),
                field("individuals", "Individuals", type: .number),
                Layout.select(
                    "disaggregated", "Sex and age breakdown",
                    options: [("yes", "Known: fill in every cell"), ("no", "Not known")],
                    selected: values["disaggregated"], errors: errors),
                .table(
                    .class("sadd"),
                    .thead(.tr(.th("Age"), .th("Female"), .th("Male"))),
                    .tbody(
                        .forEach(AgeBracket.allCases) { bracket in
                            .tr(.td(.text(bracket.label)), cell(.female, bracket), cell(.male, bracket))
                        })),
                .unwrap(errors.first { PopulationFigures.cellFields.contains($0.field) }) {
                    .p(.class("error"), .text("\($0.field): \($0.message)"))
                },
                field("arrivals", "Arrivals since the previous count", type: .number),
                field("departures", "Departures since the previous count", type: .number),
                field("personsWithDisabilities", "Persons with disabilities", type: .number),
                field("unaccompaniedSeparatedChildren", "Unaccompanied and separated children", type: .number),
                field("femaleHeadedHouseholds", "Female-headed households", type: .number),
                field("olderPersonsAlone", "Older persons living alone", type: .number),
                Layout.select(
                    "source", "Source", options: PopulationSource.allCases.map { ($0.rawValue, $0.label) },
                    selected: values["source"], errors: errors),
                .button(.type(.submit), "Save the count")))
    }

    private func field(_ name: String, _ label: String, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        Layout.field(name, label, value: values[name], errors: errors, type: type)
    }

    private func cell(_ sex: Sex, _ bracket: AgeBracket) -> Node<HTML.TableRowContext> {
        let name = PopulationFigures.cellField(sex, bracket)
        return .td(
            .input(
                .type(.number), .name(name), .value(values[name] ?? ""), .attribute(named: "min", value: "0"),
                .attribute(named: "aria-label", value: "\(sex.rawValue) \(bracket.label)"),
                errors.message(for: name) == nil ? .empty : .class("invalid")))
    }
}
