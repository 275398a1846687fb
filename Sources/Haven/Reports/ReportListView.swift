import Plot

/// `/reports`: the operation's reports, the monthly situation reports first (drafts for those who write them),
/// then the needs figures and the open-data package.
struct ReportListView {
    var user: UserContext
    var reports: [SituationReport]
    var suggestedMonth: ReportingMonth
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        let writes = Permission.writeReports.isGranted(to: user)
        return Layout.page(
            "Reports", user: user,
            .h1("Reports"),
            .p(
                .class("links"),
                .a(.href(Paths.needs), "Needs figures by area (HNO inputs)"), " · ",
                .a(.href(Paths.openData), "Open data for HDX")),
            .h2("Monthly situation reports"),
            .if(
                writes,
                .p(
                    .class("explain"),
                    .text(
                        "Haven drafts a month's report from its data; edit the Markdown, then publish it. A published "
                            + "report keeps its text and figures whatever changes in the data afterwards."))),
            .if(
                writes,
                .div(
                    .class("filters noprint"),
                    Layout.form(
                        action: Paths.reports.link(), csrf: csrf,
                        Layout.field(
                            "month", "Month to draft", value: suggestedMonth.description, errors: errors,
                            type: .month, hint: "yyyy-mm"),
                        .button(.type(.submit), "Draft the report")))),
            reports.isEmpty
                ? .p(writes ? "No report yet." : "No report has been published yet.")
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(.tr(.th("Month"), .th("Title"), .th("Status"), .th("Drafted"), .th("Published"))),
                        .tbody(
                            .forEach(reports) { report in
                                .tr(
                                    .td(
                                        .a(
                                            .href(Paths.report.link(report.month)),
                                            .text(Format.month(report.reportingMonth)))),
                                    .td(.text(Markdown.title(report.text) ?? "")),
                                    .td(.text(report.status.label)),
                                    .td(.text(Format.moment(report.draftedAt))),
                                    .td(
                                        .text(
                                            report.publishedAt.map {
                                                "\(Format.moment($0)) by \(report.publishedBy)"
                                            } ?? "–")))
                            })))
        )
    }
}
