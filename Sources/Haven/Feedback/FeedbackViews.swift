import Foundation
import Plot

/// The staff pages of complaints and feedback.
enum FeedbackViews {
    static func item(
        user: UserContext, item: FeedbackItem, opened: (description: String, contact: String, response: String),
        site: Site?,
        categories: [FeedbackCategory], organisations: [Organisation], errors: [FieldError], csrf: String
    ) -> String {
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
                        .input(.type(.hidden), .name("to"), .value(to.rawValue)), .group(fields),
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

    /// The figures page: counts only, small ones shown as "fewer than N".
    static func figures(user: UserContext, figures f: FeedbackFiguresQuery.Figures) -> String {
        func count(_ value: Int?) -> String { value.map { Format.number($0) } ?? "fewer than \(f.threshold)" }
        func table(_ title: String, _ cells: [FeedbackFiguresQuery.Cell]) -> Node<HTML.BodyContext> {
            .div(
                .h2(.text(title)),
                .table(
                    .tbody(.forEach(cells) { .tr(.td(.text($0.label)), .td(.class("num"), .text(count($0.count)))) })))
        }
        let window = ["from": f.from.description, "to": f.to.description]
        return Layout.page(
            "Feedback figures", user: user,
            .h1(.text("Complaints and feedback, \(f.from) to \(f.to)")),
            .p(
                .class("hint"),
                .text(
                    "Counts only. Figures below \(f.threshold) are not shown, nor any figure that would let one be worked out, so that nobody can be recognised."
                )),
            .if(
                user.role != .viewer,
                .p(
                    .class("downloads"),
                    "Download the items you may list that are not sensitive (no text, no contact): ",
                    .a(.href(Paths.with(Paths.feedbackCSV, window)), "CSV with HXL"), " · ",
                    .a(.href(Paths.with(Paths.feedbackWorkbook, window)), "Excel"))),
            .div(
                .class("totals"),
                .div(.strong(.text(count(f.received))), "received"),
                .div(.strong(.text(count(f.open))), "waiting for an answer"),
                .div(.strong(.text(count(f.overdue))), "late"),
                .div(
                    .strong(.text(f.answeredInTimePercent.map { "\(Format.decimal($0, digits: 0))%" } ?? "–")),
                    "answered in time"),
                .div(
                    .strong(.text("\(f.sitesWithFunctioningMechanism) of \(f.openSites)")),
                    "open sites with a functioning mechanism incl. PSEA")),
            .div(
                .class("charts"), table("By category", f.byCategory), table("By channel", f.byChannel),
                table("By sex", f.bySex),
                table("By age", f.byAgeGroup), table("By month", f.byMonth.sorted { $0.key < $1.key })),
            .h2("Sites with the most feedback"),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("Site"), .th(.class("num"), "Received"), .th("Most about"),
                            .th(.class("num"), "Of which"), .th("Severity there"), .th("Overall"))),
                    .tbody(
                        .forEach(f.sites.prefix(20)) { s in
                            .tr(
                                .td(.a(.href(Paths.site.link(s.siteId)), .text(s.code))),
                                .td(.class("num"), .text(count(s.received))),
                                .td(.text(s.topSector ?? "")),
                                .td(.class("num"), .text(s.topSector == nil ? "" : count(s.topSectorCount))),
                                .td(.unwrap(s.sectorSeverity) { .span(.class("sev sev\($0)"), .text(String($0))) }),
                                .td(.unwrap(s.overallSeverity) { .span(.class("sev sev\($0)"), .text(String($0))) }))
                        }))))
    }

    /// The intake form for staff who received feedback in person, by phone or in a meeting.
    static func intake(
        user: UserContext, categories: [FeedbackCategory], values: [String: String], errors: [FieldError], csrf: String
    ) -> String {
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
