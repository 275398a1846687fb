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
        let w = Wording.staff
        return Layout.page(
            w[.reportsTitle], user: user,
            .h1(.text(w[.reportsTitle])),
            .p(
                .class("links"),
                .a(.href(Paths.needs), .text(w[.needsLink])), " · ",
                .a(.href(Paths.openData), .text(w[.openDataLink]))),
            .h2(.text(w[.monthlyReports])),
            .if(
                writes,
                .p(
                    .class("explain"),
                    .text(w[.reportsExplain]))),
            .if(
                writes,
                .div(
                    .class("filters noprint"),
                    Layout.form(
                        action: Paths.reports.link(), csrf: csrf,
                        Layout.field(
                            "month", w[.monthToDraft], value: suggestedMonth.description, errors: errors,
                            type: .month, hint: "yyyy-mm"),
                        .button(.type(.submit), .text(w[.draftTheReport]))))),
            reports.isEmpty
                ? .p(.text(w[writes ? .noReportYet : .noReportPublished]))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(w[.month])), .th(.text(w[.title])), .th(.text(w[.status])),
                                .th(.text(w[.drafted])), .th(.text(w[.published])))),
                        .tbody(
                            .forEach(reports) { report in
                                .tr(
                                    .td(
                                        .a(
                                            .href(Paths.report.link(report.month)),
                                            .text(Format.month(report.reportingMonth)))),
                                    .td(.text(Markdown.title(report.text) ?? "")),
                                    .td(.text(w[report.status == .draft ? .statusDraft : .statusPublished])),
                                    .td(.text(Format.moment(report.draftedAt))),
                                    .td(
                                        .text(
                                            report.publishedAt.map {
                                                w[.byWhom, ["date": Format.moment($0), "name": report.publishedBy]]
                                            } ?? "–")))
                            })))
        )
    }
}
