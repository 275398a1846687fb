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
        let w = Wording.staff
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
                .p(.class("links"), .a(.href(Paths.reports), .text(w[.allReports]))),
                .unwrap(message) { .p(.class(errors.isEmpty ? "notice" : "error"), .text($0)) },
                report.status == .published
                    ? .p(
                        .class("notice"),
                        .text(
                            w[
                                .publishedNotice,
                                ["date": Format.moment(report.publishedAt), "name": report.publishedBy]]
                        ))
                    : .p(
                        .class("notice"),
                        .text(w[.draftNotice, ["date": Format.moment(report.draftedAt)]])),
                .p(
                    .class("downloads"), .text(w[.download] + " "),
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
                            .label(.for("text"), .text(w[.reportMarkdown])),
                            .textarea(
                                .name("text"), .id("text"), .attribute(named: "rows", value: "24"),
                                .text(text)),
                            .small(.text(w[.markdownHint])),
                            .unwrap(errors.message(for: "text")) { .p(.class("error"), .text($0)) }),
                        .button(.type(.submit), .text(w[.saveDraft]))),
                    .div(
                        .class("actions"),
                        step(Paths.publishReport, w[.publish], secondary: false),
                        step(Paths.redraftReport, w[.redraft]),
                        step(Paths.discardReport, w[.discardDraft])),
                    .h2(.text(w[.preview])))),
            .article(.class("report"), .raw(Markdown.html(report.text)))
        )
    }
}
