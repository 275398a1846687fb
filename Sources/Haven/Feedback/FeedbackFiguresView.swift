import Foundation
import Plot

/// The figures page: counts only, small ones shown as "fewer than N".
struct FeedbackFiguresView {
    var user: UserContext
    var figures: FeedbackFiguresQuery.Figures

    func render() -> String {
        let f = figures
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
                    .a(.href(Paths.with(Paths.feedbackDownload.csv, window)), "CSV (HXL)"), " · ",
                    .a(.href(Paths.with(Paths.feedbackDownload.workbook, window)), "Excel"))),
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
}
