import Foundation
import Plot

/// The month's gaps (need, nobody working) and duplications (several partners, same activity, same site).
struct ResponseGapsView {
    var user: UserContext
    /// What the area filter suggests.
    var areas = AreaSuggestions()
    var month: ReportingMonth
    var sector: String?
    var adminArea: String?
    var gaps: [ResponseAnalysis.Gap]
    var gapCount: Int
    var duplications: [ResponseAnalysis.Duplication]
    var duplicationCount: Int
    var organisations: [UUID: String]
    var sites: [UUID: (code: String, name: String)]

    func render() -> String {
        Layout.page(
            "Gaps and duplications", user: user,
            .h1(.text("Gaps and duplications, \(month)")),
            ActivityLinks.bar(current: Paths.activityGaps, user: user),
            .form(
                .class("filters"), .method(.get), .action(Paths.activityGaps),
                .label("Month", .input(.type(.month), .name("month"), .value(escaping: month.description))),
                FilterFields.choice(
                    "responseSector", "Sector", any: "All sectors", ResponseSector.all.map { ($0.code, $0.name) },
                    selected: sector),
                FilterFields.area(adminArea, suggestions: areas),
                .button(.type(.submit), "Show")),
            .h2(.text("Gaps: \(Format.number(gapCount)) site and sector pairs")),
            Paths.gapsDownload.links(
                [("month", month.description), ("responseSector", sector), ("adminArea", adminArea)].reduce(into: [:]) {
                    $0[$1.0] = $1.1
                }),
            .p(
                "Sites at severity 3 or worse in a sector (latest monitoring round) where no partner has planned or ongoing work of that sector this month. Worst and most populous first."
            ),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(.tr(.th("Site"), .th("Sector"), .th("Severity"), .th(.class("num"), "People"))),
                    .tbody(
                        .forEach(gaps) { gap in
                            .tr(
                                .td(site(gap.siteID, code: gap.code)),
                                .td(.text(ResponseSector.named(gap.sector)?.name ?? gap.sector)),
                                .td(
                                    .span(
                                        .class("sev sev\(gap.severity.rawValue)"),
                                        .text("\(gap.severity.rawValue) \(gap.severity.label)"))),
                                .td(.class("num"), .text(Format.number(gap.population))))
                        }))),
            .h2(.text("Duplications: \(Format.number(duplicationCount))")),
            .p(
                "Two or more organisations with the same activity at the same site at the same time; their reach added up against the site's people."
            ),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("Site"), .th("Activity"), .th("Organisations"), .th(.class("num"), "Reached together"),
                            .th(.class("num"), "People"))),
                    .tbody(
                        .forEach(duplications) { d in
                            .tr(
                                .td(site(d.siteID, code: sites[d.siteID]?.code ?? "site")),
                                .td(.text(d.activity)),
                                .td(.text(d.organisationIDs.compactMap { organisations[$0] }.joined(separator: ", "))),
                                .td(.class("num"), .text(Format.number(d.reached))),
                                .td(.class("num"), .text(Format.number(d.population))))
                        }))))
    }

    /// A site by its name, linked, with its code beside it.
    private func site(_ id: UUID, code: String) -> Node<HTML.BodyContext> {
        .group(
            .a(.href(Paths.site.link(id)), .text(sites[id]?.name ?? code)), .small(.class("code"), .text(" \(code)")))
    }
}
