import Foundation
import Plot

/// A month's report: a draft with its editor, its preview and the steps that publish or draft it again; or the
/// published report as it was frozen, ready to print on A4.
struct ReportView {
    var user: UserContext
    var report: SituationReport
    /// The text in the editor: the report's, or what was typed when a save was refused.
    var text: String
    var message: String?
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        let month = report.reportingMonth
        let writes = Permission.writeReports.isGranted(to: user) && report.status == .draft
        let version = String(report.version)
        func step(_ address: Address, _ label: String, secondary: Bool = true) -> Node<HTML.BodyContext> {
            Layout.form(
                action: address.link(report.month), csrf: csrf,
                .input(.type(.hidden), .name("version"), .value(escaping: version)),
                .button(.type(.submit), secondary ? .class("secondary") : .empty, .text(label)))
        }
        return Layout.page(
            Markdown.title(report.text) ?? ReportDraft.title(month), user: user,
            .div(
                .class("noprint"),
                .p(.class("links"), .a(.href(Paths.reports), "All reports")),
                .unwrap(message) { .p(.class(errors.isEmpty ? "notice" : "error"), .text($0)) },
                report.status == .published
                    ? .p(
                        .class("notice"),
                        .text(
                            "Published \(Format.moment(report.publishedAt)) by \(report.publishedBy). Its text and "
                                + "figures stay as published."))
                    : .p(
                        .class("notice"),
                        .text(
                            "Draft, not yet published. Figures drafted from the data on "
                                + "\(Format.moment(report.draftedAt)).")),
                .p(
                    .class("downloads"), "Download: ",
                    .a(.href(Paths.reportMarkdown.link(report.month)), "Markdown"), " · ",
                    .a(.href(Paths.reportHTML.link(report.month)), "HTML"))),
            .if(
                writes,
                .div(
                    .class("noprint"),
                    Layout.form(
                        action: Paths.report.link(report.month), csrf: csrf,
                        .input(.type(.hidden), .name("version"), .value(escaping: version)),
                        .div(
                            .class(errors.isEmpty ? "field wide" : "field wide invalid"),
                            .label(.for("text"), "Report (Markdown)"),
                            .textarea(
                                .name("text"), .id("text"), .attribute(named: "rows", value: "24"),
                                .text(text)),
                            .small(
                                .text(
                                    "# heading, ## section, - list item, **bold**, *italic*, [words](https://…), "
                                        + "tables with | bars |. HTML shows as text.")),
                            .unwrap(errors.message(for: "text")) { .p(.class("error"), .text($0)) }),
                        .button(.type(.submit), "Save the draft")),
                    .div(
                        .class("actions"),
                        step(Paths.publishReport, "Publish", secondary: false),
                        step(Paths.redraftReport, "Draft again from the data (replaces the text)"),
                        step(Paths.discardReport, "Discard the draft")),
                    .h2("Preview"))),
            .article(.class("report"), .raw(Markdown.html(report.text)))
        )
    }
}
