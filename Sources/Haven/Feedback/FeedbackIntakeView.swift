import Foundation
import Plot

/// The intake form for staff who received feedback in person, by phone or in a meeting.
struct FeedbackIntakeView {
    var user: UserContext
    var categories: [FeedbackCategory]
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        Layout.page(
            "Record feedback", user: user,
            .h1("Record feedback received"),
            .if(!errors.isEmpty, .p(.class("alert"), "Please check the fields marked below.")),
            Layout.form(
                action: Paths.newComplaint.link(), csrf: csrf,
                Layout.field("site", "Site code", value: values["site"], errors: errors, required: true),
                Layout.select(
                    "channel", "Received through",
                    options: FeedbackChannel.allCases.filter { ![.webForm, .api, .odk].contains($0) }.map {
                        ($0.rawValue, $0.label)
                    },
                    selected: values["channel"], errors: errors),
                Layout.select(
                    "category", "Category",
                    options: [("", "Choose")]
                        + categories.map { ($0.code, $0.label + ($0.sensitive ? " (sensitive)" : "")) },
                    selected: values["category"], errors: errors),
                Layout.select(
                    "sector", "About the sector (optional)",
                    options: [("", "None")] + ResponseSector.all.map { ($0.code, $0.name) },
                    selected: values["sector"], errors: errors),
                .div(
                    .class(errors.message(for: "description") == nil ? "field" : "field invalid"),
                    .label(.for("description"), "What the person said"),
                    .textarea(
                        .name("description"), .id("description"), .attribute(named: "rows", value: "5"),
                        .required(true), .text(values["description"] ?? "")),
                    .unwrap(errors.message(for: "description")) { .p(.class("error"), .text($0)) }),
                Layout.select(
                    "wantsAnswer", "Wants an answer", options: [("yes", "Yes"), ("no", "No")],
                    selected: values["wantsAnswer"], errors: errors),
                Layout.field(
                    "contact", "Contact (only if the person agrees)", value: values["contact"], errors: errors),
                Layout.select(
                    "consent", "Agrees to be contacted", options: [("no", "No"), ("yes", "Yes")],
                    selected: values["consent"], errors: errors),
                Layout.select(
                    "sex", "Sex", options: [("", "Not given")] + FeedbackSex.allCases.map { ($0.rawValue, $0.label) },
                    selected: values["sex"], errors: errors),
                Layout.select(
                    "ageGroup", "Age",
                    options: [("", "Not given")] + FeedbackAgeGroup.allCases.map { ($0.rawValue, $0.label) },
                    selected: values["ageGroup"], errors: errors),
                Layout.select(
                    "disability", "Has a disability", options: [("", "Not asked"), ("yes", "Yes")],
                    selected: values["disability"], errors: errors),
                .button(.type(.submit), "Record")))
    }
}
