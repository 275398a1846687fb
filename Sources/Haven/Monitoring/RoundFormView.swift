import Fluent
import Plot
import Vapor

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
