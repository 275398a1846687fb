import Foundation
import Plot

/// An organisation's reporting: months owed, months reported, the template and the import.
struct ReportingView {
    var user: UserContext
    var organisation: Organisation
    var months: [ReportingQuery.Month]
    var missing: [ReportingMonth]
    var locked: Set<String>
    var current: ReportingMonth

    func render() -> String {
        let id = organisation.id!
        return Layout.page(
            "5W of \(organisation.shortName)", user: user,
            .h1(.text("5W reporting: \(organisation.name)")),
            ActivityLinks.bar(current: Paths.ownReporting, user: user),
            .h2("Months to report"),
            missing.isEmpty
                ? .p(
                    .text(
                        months.isEmpty
                            ? "Nothing reported yet." : "Every month since the first report (last 12 months) has lines."
                    ))
                : .p(.text("No lines for: "), .forEach(missing) { .span(.class("missing"), .text($0.description)) }),
            .h2(.text("Template for \(current)")),
            .p(
                .text(
                    "An Excel file with this organisation's lines for \(current) if it has reported them (to correct), or else its planned and ongoing lines of its latest month moved to \(current) with the people reached left empty; the sites and the activity catalogue are on the other sheets. Fill it, then "
                ),
                Permission.uploadActivities.isGranted(to: user)
                    ? .a(.href(Paths.importActivities), "import it") : .text("send it to the cluster to import"), "."),
            .p(
                .a(
                    .class("button"), .href(Paths.reportingTemplate(id, month: current)),
                    .text("Download the template for \(current)"))),
            .h2("Months reported"),
            .p(
                .a(
                    .href(Paths.with(Paths.activities, ["organisation": id.uuidString])),
                    "All of this organisation's lines")),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("Month"), .th(.class("num"), "Lines"), .th(.class("num"), "Targeted"),
                            .th(.class("num"), "Reached"), .th("Locked"))),
                    .tbody(
                        .forEach(months.prefix(24)) { m in
                            .tr(
                                .td(
                                    .a(
                                        .href(
                                            Paths.with(
                                                Paths.activities, ["organisation": id.uuidString, "month": m.month])),
                                        .text(m.month))),
                                .td(.class("num"), .text(Format.number(m.lines))),
                                .td(.class("num"), .text(Format.number(m.targeted))),
                                .td(.class("num"), .text(Format.number(m.reached))),
                                .td(.text(locked.contains(m.month) ? "locked" : "")))
                        }))))
    }

    /// For people without an organisation of their own: who reports, up to which month, and what each still owes.
    static func overview(
        user: UserContext, organisations: [Organisation], reported: [UUID: Set<ReportingMonth>], current: ReportingMonth
    ) -> String {
        Layout.page(
            "5W by organisation", user: user,
            .h1("5W reporting by organisation"),
            ActivityLinks.bar(current: Paths.ownReporting, user: user),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(.tr(.th("Organisation"), .th("Latest month reported"), .th(.class("num"), "Months owed"))),
                    .tbody(
                        .forEach(organisations) { org in
                            let months = reported[org.id!] ?? []
                            let owed = ReportingCalendar.missingMonths(reported: months, current: current)
                            return .tr(
                                .td(
                                    .a(.href(Paths.reporting.link(org.id!)), .text(org.name)),
                                    .unwrap(Optional(org.acronym).nonEmpty) { .text(" (\($0))") }),
                                .td(.text(months.max()?.description ?? "never")),
                                .td(
                                    .class("num"),
                                    owed.isEmpty ? .text("0") : .span(.class("missing"), .text(String(owed.count)))))
                        }))))
    }
}
