import Foundation
import Plot

/// The public pages, in plain words for residents and in their language: the form, the receipt with its
/// reference, the status. Category labels are the operation's own words, in the page's language where the operation
/// gives one.
enum PublicFeedbackView {
    static func form(
        _ w: Wording, languages: [Wording], sites: [Site], chosen: Site?, categories: [FeedbackCategory],
        values: [String: String],
        errors: [FieldError], csrf: String
    ) -> String {
        let errors = errors.map { FieldError($0.field, message(for: $0.field, w)) }
        return Layout.page(
            w[.formTitle], user: nil, wording: w,
            Layout.languages(
                languages, current: w, path: Paths.publicFeedback.link(), query: chosen.map { ["site": $0.code] } ?? [:]
            ),
            .h1(.text(w[.formTitle])),
            .p(.text(w[.formIntro])),
            .p(.a(.href(Paths.with(Paths.feedbackStatus, ["lang": w.code])), .text(w[.checkLink]))),
            .if(!errors.isEmpty, .p(.class("alert"), .text(w[.checkFields]))),
            Layout.form(
                action: Paths.with(Paths.publicFeedback, ["lang": w.code]), csrf: csrf,
                sites.isEmpty || chosen != nil
                    ? Layout.field(
                        "site", w[.siteCodeLabel], value: chosen?.code ?? values["site"], errors: errors, required: true
                    )
                    : Layout.select(
                        "site", w[.siteLabel],
                        options: [("", w[.chooseSite])] + sites.map { ($0.code, "\($0.name) (\($0.code))") },
                        selected: values["site"], errors: errors),
                Layout.select(
                    "category", w[.aboutLabel],
                    options: [("", w[.choose])] + categories.map { ($0.code, $0.label(in: w.code)) },
                    selected: values["category"], errors: errors),
                .div(
                    .class(errors.message(for: "description") == nil ? "field" : "field invalid"),
                    .label(.for("description"), .text(w[.messageLabel])),
                    .textarea(
                        .name("description"), .id("description"), .attribute(named: "rows", value: "6"),
                        .required(true), .text(values["description"] ?? "")),
                    .unwrap(errors.message(for: "description")) { .p(.class("error"), .text($0)) }),
                Layout.select(
                    "wantsAnswer", w[.wantsAnswerLabel], options: [("yes", w[.yes]), ("no", w[.no])],
                    selected: values["wantsAnswer"], errors: errors),
                Layout.field("contact", w[.contactLabel], value: values["contact"], errors: errors),
                Layout.select(
                    "consent", w[.consentLabel], options: [("no", w[.no]), ("yes", w[.yes])],
                    selected: values["consent"], errors: errors),
                Layout.select(
                    "sex", w[.sexLabel],
                    options: [("", w[.preferNotToSay])] + FeedbackSex.allCases.map { ($0.rawValue, w.sex($0)) },
                    selected: values["sex"], errors: errors),
                Layout.select(
                    "ageGroup", w[.ageLabel],
                    options: [("", w[.preferNotToSay])]
                        + FeedbackAgeGroup.allCases.map { ($0.rawValue, w.ageGroup($0)) },
                    selected: values["ageGroup"], errors: errors),
                .button(.type(.submit), .text(w[.send]))))
    }

    /// What went wrong with a field, in the resident's language rather than the API's words.
    static func message(for field: String, _ w: Wording) -> String {
        switch field {
        case "site", "siteId": w[.errorSite]
        case "category": w[.errorCategory]
        case "contact": w[.errorContact]
        case "description": w[.errorDescription]
        default: w[.checkFields]
        }
    }

    static func receipt(_ w: Wording, reference: String) -> String {
        Layout.page(
            w[.receiptTitle], user: nil, wording: w,
            .h1(.text(w[.receiptHeading])),
            .p(
                .class("notice"), .text(w[.referenceIs] + " "),
                .strong(.class("reference"), .attribute(named: "dir", value: "ltr"), .text(reference)), .text(".")),
            .p(.text(w[.writeItDown])),
            .p(
                .a(
                    .href(Paths.with(Paths.feedbackStatus, ["reference": reference, "lang": w.code])),
                    .text(w[.checkStatus]))))
    }

    static func status(_ w: Wording, languages: [Wording], reference: String?, item: FeedbackItem?) -> String {
        Layout.page(
            w[.statusTitle], user: nil, wording: w,
            Layout.languages(
                languages, current: w, path: Paths.feedbackStatus.link(),
                query: reference.map { ["reference": $0] } ?? [:]),
            .h1(.text(w[.statusHeading])),
            .form(
                .method(.get), .action(Paths.feedbackStatus),
                .input(.type(.hidden), .name("lang"), .value(escaping: w.code)),
                .div(
                    .class("field"), .label(.for("reference"), .text(w[.yourReference])),
                    .input(
                        .type(.text), .name("reference"), .id("reference"), .value(escaping: reference ?? ""),
                        .placeholder("FB-XXXXX-XXXXX"))),
                .button(.type(.submit), .text(w[.check]))),
            .unwrap(item) { item in
                .div(
                    .class("notice"), .p(.strong(.attribute(named: "dir", value: "ltr"), .text(item.reference))),
                    .p(.text(w[.receivedOn, ["date": w.day(item.receivedAt)]] + " " + w.status(item.status))))
            },
            .if(reference != nil && item == nil, .p(.class("alert"), .text(w[.notFound]))))
    }

    static func tooMany(_ w: Wording) -> String {
        Layout.page(w[.waitTitle], user: nil, wording: w, .h1(.text(w[.waitHeading])), .p(.text(w[.waitText])))
    }
}
