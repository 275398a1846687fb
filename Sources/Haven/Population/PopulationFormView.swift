import Fluent
import Plot
import Vapor

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
                .type(.number), .name(name), .value(escaping: values[name] ?? ""), .attribute(named: "min", value: "0"),
                .attribute(named: "aria-label", value: MarkupText.escaped("\(sex.rawValue) \(bracket.label)")),
                errors.message(for: name) == nil ? .empty : .class("invalid")))
    }
}
