import Foundation
import Plot

/// The public pages, in plain words for residents: the form, the receipt with its reference, the status.
enum PublicFeedbackView {
    static func form(sites: [Site], chosen: Site?, categories: [FeedbackCategory], values: [String: String], errors: [FieldError], csrf: String) -> String {
        Layout.page("Give feedback or complain", user: nil,
            .h1("Give feedback or make a complaint"),
            .p("Tell us what works, what does not, or what went wrong. You do not need to give your name. Complaints about abuse or exploitation by aid workers go only to the people trained to handle them, and are kept confidential."),
            .p(.a(.href(Paths.feedbackStatus), "Already sent something? Check it with your reference.")),
            .if(!errors.isEmpty, .p(.class("alert"), .text("Please check the fields marked below."))),
            Layout.form(action: Paths.publicFeedback, csrf: csrf,
                sites.isEmpty || chosen != nil
                    ? Layout.field("site", "Your site (its code, as on the notice board)", value: chosen?.code ?? values["site"], errors: errors, required: true)
                    : Layout.select("site", "Your site", options: [("", "Choose your site")] + sites.map { ($0.code, "\($0.name) (\($0.code))") },
                                    selected: values["site"], errors: errors),
                Layout.select("category", "What is it about?", options: [("", "Choose")] + categories.map { ($0.code, $0.label) },
                              selected: values["category"], errors: errors),
                .div(.class(errors.message(for: "description") == nil ? "field" : "field invalid"),
                     .label(.for("description"), "Your message"),
                     .textarea(.name("description"), .id("description"), .attribute(named: "rows", value: "6"), .required(true), .text(values["description"] ?? "")),
                     .unwrap(errors.message(for: "description")) { .p(.class("error"), .text($0)) }),
                Layout.select("wantsAnswer", "Do you want an answer?", options: [("yes", "Yes"), ("no", "No")], selected: values["wantsAnswer"], errors: errors),
                Layout.field("contact", "How can we reach you? (phone, shelter number; optional)", value: values["contact"], errors: errors),
                Layout.select("consent", "May we contact you about this?", options: [("no", "No"), ("yes", "Yes")], selected: values["consent"], errors: errors),
                Layout.select("sex", "You are (optional)", options: [("", "Prefer not to say")] + FeedbackSex.allCases.map { ($0.rawValue, $0.label) },
                              selected: values["sex"], errors: errors),
                Layout.select("ageGroup", "Your age (optional)", options: [("", "Prefer not to say")] + FeedbackAgeGroup.allCases.map { ($0.rawValue, $0.label) },
                              selected: values["ageGroup"], errors: errors),
                .button(.type(.submit), "Send")))
    }

    static func receipt(reference: String) -> String {
        Layout.page("Thank you", user: nil,
            .h1("Thank you, we have received your message"),
            .p(.class("notice"), .text("Your reference is "), .strong(.class("reference"), .text(reference)), .text(".")),
            .p("Write it down or take a photo of this page. With it you can ask about your message at the help desk, on the hotline, or here:"),
            .p(.a(.href(Paths.feedbackStatus + "?reference=" + reference), "Check where it stands")))
    }

    static func status(reference: String?, item: FeedbackItem?) -> String {
        Layout.page("Check your feedback", user: nil,
            .h1("Check where your feedback stands"),
            .form(.method(.get), .action(Paths.feedbackStatus),
                  .div(.class("field"), .label(.for("reference"), "Your reference"),
                       .input(.type(.text), .name("reference"), .id("reference"), .value(reference ?? ""), .placeholder("FB-XXXXX-XXXXX"))),
                  .button(.type(.submit), "Check")),
            .unwrap(item) { item in
                .div(.class("notice"), .p(.strong(.text(item.reference))),
                     .p(.text("Received on \(Format.day(CalendarDay(item.receivedAt))). " + Self.explain(item.status))))
            },
            .if(reference != nil && item == nil, .p(.class("alert"), "We found no feedback with this reference. Check how it is written, or ask at the help desk.")))
    }

    /// The status in a resident's words.
    static func explain(_ status: FeedbackStatus) -> String {
        switch status {
        case .new: "It is waiting to be read."
        case .acknowledged: "It has been read and is being looked into."
        case .referred: "It has been passed to the organisation that can act on it."
        case .inProgress: "Someone is working on it."
        case .responded: "An answer has been given."
        case .closed: "It is closed."
        }
    }

    static func tooMany() -> String {
        Layout.page("Please wait", user: nil,
            .h1("Please wait a little"),
            .p("Several messages were sent from here in the last hour. Please try again later, or go to the help desk or call the hotline."))
    }
}
