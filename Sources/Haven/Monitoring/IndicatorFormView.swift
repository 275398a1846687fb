import Fluent
import Plot
import Vapor

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
