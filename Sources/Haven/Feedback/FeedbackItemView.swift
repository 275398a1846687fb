import Foundation
import Plot

/// One feedback item for those who handle it: what was said, its deadlines and steps, referral and category.
struct FeedbackItemView {
    var user: UserContext
    var item: FeedbackItem
    /// What was said, their contact and the answer, unsealed for this reader.
    var opened: (description: String, contact: String, response: String)
    var site: Site?
    var categories: [FeedbackCategory]
    var organisations: [Organisation]
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        let id = item.id!
        let category = categories.first { $0.code == item.categoryCode }
        // A focal point may take a case out of the sensitive categories; others may only move it into them.
        let offered = categories.filter { $0.sensitive || !item.sensitive || user.feedbackFocalPoint }
        func stepForm(_ to: FeedbackStatus, _ label: String, _ fields: Node<HTML.FormContext>...) -> Node<
            HTML.BodyContext
        > {
            .if(
                FeedbackWorkflow.allowed[item.status, default: []].contains(to),
                .section(
                    .class("step"),
                    Layout.form(
                        action: Paths.complaintTransitions.link(id), csrf: csrf,
                        .input(.type(.hidden), .name("to"), .value(escaping: to.rawValue)), .group(fields),
                        .button(.type(.submit), .text(label)))))
        }
        return Layout.page(
            item.reference, user: user,
            .h1(.text("\(item.reference) · \(item.status.label)")),
            .if(
                item.sensitive,
                .p(
                    .class("alert"),
                    "Sensitive: handle under the confidentiality rules of your organisation. Opening this page is recorded."
                )),
            .if(
                !errors.isEmpty,
                .p(.class("alert"), .text(errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")))),
            .dl(
                .class("facts"),
                .div(.dt("Received"), .dd(.text(Format.moment(item.receivedAt) + " · " + item.channel.label))),
                .div(
                    .dt("Site"),
                    .dd(.unwrap(site) { .a(.href(Paths.site.link($0.id!)), .text("\($0.code) \($0.name)")) })),
                .div(.dt("Category"), .dd(.text(category?.label ?? item.categoryCode))),
                .div(.dt("Acknowledge by"), .dd(.text(Format.moment(item.acknowledgeBy)))),
                .div(
                    .dt("Answer by"),
                    .dd(
                        .text(Format.moment(item.respondBy)),
                        .if(
                            FeedbackDeadlines.isOverdue(status: item.status, due: item.due, now: Date()),
                            .span(.class("missing"), " late")))),
                .div(.dt("Wants an answer"), .dd(.text(item.wantsAnswer ? "Yes" : "No"))),
                .div(.dt("Contact"), .dd(.text(opened.contact.isEmpty ? "none given" : opened.contact))),
                .div(
                    .dt("Person"),
                    .dd(.text([item.sex?.label, item.ageGroup?.label].compactMap { $0 }.joined(separator: ", ")))),
                .unwrap(item.$referredTo.id) { org in
                    .div(
                        .dt("Referred to"),
                        .dd(
                            .text(
                                (organisations.first { $0.id == org }?.name ?? "")
                                    + (item.focalPoint.isEmpty ? "" : " · \(item.focalPoint)"))))
                }),
            .h2("What the person said"),
            .p(.class("said"), .text(opened.description)),
            .if(!opened.response.isEmpty, .group(.h2("What they were told"), .p(.text(opened.response)))),
            .h2("Next step"),
            stepForm(.acknowledged, "Acknowledge"),
            stepForm(
                .referred, "Refer",
                Layout.select(
                    "organisationId", "To", options: organisations.map { ($0.id!.uuidString, $0.name) }, selected: nil,
                    errors: errors),
                Layout.field("focalPoint", "Their focal point", value: nil, errors: errors)),
            stepForm(.inProgress, "Mark in progress"),
            stepForm(
                .responded, "Record the answer",
                .div(
                    .class("field"), .label(.for("response"), "What the person was told"),
                    .textarea(.name("response"), .id("response"), .attribute(named: "rows", value: "3")))),
            stepForm(
                .closed, "Close",
                Layout.select(
                    "closedVia", "How the person was told",
                    options: [("", "Choose")] + FeedbackChannel.allCases.map { ($0.rawValue, $0.label) },
                    selected: nil, errors: errors),
                Layout.select(
                    "satisfaction", "How they felt about it",
                    options: [("", "Not known")] + FeedbackSatisfaction.allCases.map { ($0.rawValue, $0.label) },
                    selected: nil, errors: errors)),
            .h2("Category"),
            .section(
                .class("step"),
                Layout.form(
                    action: Paths.complaintCategory.link(id), csrf: csrf,
                    Layout.select(
                        "category", "File under",
                        options: offered.map { ($0.code, $0.label + ($0.sensitive ? " (sensitive)" : "")) },
                        selected: item.categoryCode, errors: errors),
                    Layout.select(
                        "sector", "Sector", options: [("", "None")] + ResponseSector.all.map { ($0.code, $0.name) },
                        selected: item.sector, errors: errors),
                    .button(.type(.submit), "Change the category"))),
            .if(
                !item.sensitive,
                .p(
                    .class("hint"),
                    "If it turns out to be exploitation, abuse, GBV, fraud or a threat, file it under that category: it is sealed at once and only focal points will see it."
                )))
    }
}
