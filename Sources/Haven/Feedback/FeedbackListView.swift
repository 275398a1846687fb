import Foundation
import Plot

/// The staff list of complaints and feedback: what is late, filters, a page of items.
struct FeedbackListView {
    var filter: FeedbackFilter
    var page: PageRequest
    var list: FeedbackList
    var categories: [FeedbackCategory]
    var digest: FeedbackDigest
    /// The reference of an item just recorded that the person may not open (it went to the focal points).
    var recorded: String?

    func render() -> String {
        let user = filter.user
        let labels = Dictionary(categories.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        // Every filter the list was asked for travels with its pages.
        var query: [String: String] = [:]
        if let site = filter.site { query["site"] = site.uuidString }
        if let status = filter.status { query["status"] = status.rawValue }
        if let category = filter.category { query["category"] = category }
        if let channel = filter.channel { query["channel"] = channel.rawValue }
        if filter.overdue { query["overdue"] = "true" }
        let now = Date()
        return Layout.page(
            "Complaints and feedback", user: user,
            .h1("Complaints and feedback"),
            .unwrap(recorded) {
                .p(.class("notice"), .text("Recorded as \($0); it goes to the people who handle it."))
            },
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(digest.toAcknowledge))), "late to acknowledge"),
                .div(.strong(.text(Format.number(digest.toAnswer))), "late to answer"),
                .div(.strong(.text(Format.number(digest.dueSoon))), "to answer within 2 days")),
            .p(
                .a(.href(Paths.newComplaint), "Record feedback received"), " · ",
                .a(.href(Paths.complaintFigures), "Figures"), " · ", .a(.href(Paths.publicFeedback), "The public form"),
                " · ",
                .a(.href(Paths.with(Paths.complaints, ["overdue": "true"])), "Late ones")),
            .if(
                !user.feedbackFocalPoint,
                .p(
                    .class("hint"),
                    "Sensitive complaints (exploitation and abuse, safeguarding, GBV, fraud, security) are handled by their focal points and are not listed here."
                )),
            .form(
                .class("filters"), .method(.get), .action(Paths.complaints),
                FilterFields.choice("status", "Status", any: "Any status", selected: filter.status),
                .unwrap(filter.site) { .input(.type(.hidden), .name("site"), .value(escaping: $0.uuidString)) },
                FilterFields.choice(
                    "category", "Category", any: "Any category", categories.map { ($0.code, $0.label) },
                    selected: filter.category),
                FilterFields.choice("channel", "Channel", any: "Any channel", selected: filter.channel),
                .label(
                    "Only late",
                    .select(
                        .attribute(named: "name", value: "overdue"), Layout.option("", "No"),
                        Layout.option("true", "Yes", selected: filter.overdue))),
                .button(.type(.submit), "Filter")),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(list.total))), .text(list.total == 1 ? "item" : "items"))),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("Reference"), .th("Received"), .th("Site"), .th("Category"), .th("Status"),
                            .th("Answer due"))),
                    .tbody(
                        .forEach(list.items) { item in
                            .tr(
                                .td(.a(.href(Paths.complaint.link(item.id!)), .text(item.reference))),
                                .td(.text(Format.moment(item.receivedAt))),
                                .td(.text(list.siteCodes[item.$site.id] ?? "")),
                                .td(
                                    .text(labels[item.categoryCode] ?? item.categoryCode),
                                    .if(item.sensitive, .small(" · sensitive"))),
                                .td(.text(item.status.label)),
                                .td(
                                    .text(Format.moment(item.respondBy)),
                                    .if(
                                        FeedbackDeadlines.isOverdue(status: item.status, due: item.due, now: now),
                                        .span(.class("missing"), " late"))))
                        }))),
            Layout.pager(total: list.total, page: page, baseQuery: query, path: Paths.complaints.link()))
    }
}
