import Foundation
import Plot

/// The 5W table: filters, totals and a page of lines.
struct ActivityTableView {
    var user: UserContext
    var filter: ActivityFilter
    var page: PageRequest
    var lines: [Activity]
    var total: Int
    var targeted: Int
    var reached: Int
    var names: ActivityPageNames

    func render() -> String {
        Layout.page(
            "5W", user: user,
            .h1("Who does what, where, when"),
            ActivityLinks.bar(current: Paths.activities, user: user),
            .p(
                .text("Download: "), .a(.href("/api/v1/exports/activities.csv" + queryString), "CSV (HXL)"), " · ",
                .a(.href("/api/v1/exports/activities.xlsx" + queryString), "Excel")),
            filters,
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(total))), .text(total == 1 ? "line" : "lines")),
                .div(.strong(.text(Format.number(targeted))), "people targeted"),
                .div(.strong(.text(Format.number(reached))), "people reached"),
                .div(.strong(.text(Format.percent(reached, of: targeted))), "of the target reached")),
            .div(.class("table-wrap"), table),
            Layout.pager(total: total, page: page, baseQuery: baseQuery, path: Paths.activities))
    }

    private var baseQuery: [String: String] {
        var query: [String: String] = [:]
        if let sector = filter.sector { query["sector"] = sector }
        if let status = filter.status { query["status"] = status.rawValue }
        if let month = filter.month { query["month"] = month.description }
        if let area = filter.adminArea { query["adminArea"] = area }
        if let organisation = filter.organisation { query["organisation"] = organisation.uuidString }
        return query
    }

    private var queryString: String {
        baseQuery.isEmpty
            ? ""
            : "?"
                + baseQuery.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&")
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .class("filters"), .method(.get), .action(Paths.activities),
            .label(
                "Sector",
                .select(
                    .attribute(named: "name", value: "sector"), Layout.option("", "All sectors"),
                    .forEach(ResponseSector.all) { Layout.option($0.code, $0.name, selected: $0.code == filter.sector) }
                )),
            .label(
                "Status",
                .select(
                    .attribute(named: "name", value: "status"), Layout.option("", "All statuses"),
                    .forEach(ActivityStatus.allCases) {
                        Layout.option($0.rawValue, $0.label, selected: $0 == filter.status)
                    })),
            .label("Month", .input(.type(.month), .name("month"), .value(filter.month?.description ?? ""))),
            .label(
                "Area (P-code)",
                .input(.type(.text), .name("adminArea"), .value(filter.adminArea ?? ""), .placeholder("e.g. BO02"))),
            .button(.type(.submit), "Filter"))
    }

    private var table: Node<HTML.BodyContext> {
        .table(
            .thead(
                .tr(
                    .th("Month"), .th("Organisation"), .th("Activity"), .th("Where"),
                    .th(.class("hide-narrow"), "Status"),
                    .th(.class("num"), "Targeted"), .th(.class("num"), "Reached"))),
            .tbody(
                .forEach(lines) { line in
                    .tr(
                        .td(.text(line.month)),
                        .td(
                            .text(names.organisations[line.$reportingOrganisation.id] ?? ""),
                            .unwrap(line.$implementingOrganisation.id.flatMap { names.organisations[$0] }) {
                                .text(" via \($0)")
                            }),
                        .td(.text("\(line.activityCode) · \(line.sector)")),
                        .td(
                            .unwrap(
                                line.$site.id.flatMap { id in names.sites[id].map { (id, $0) } },
                                { site in
                                    .a(.href(Paths.site(site.0)), .text(site.1.code))
                                }, else: .text(names.areas[line.$adminArea.id] ?? ""))),
                        .td(.class("hide-narrow"), .text(line.status.label)),
                        .td(.class("num"), .text(Format.number(line.targeted))),
                        .td(.class("num"), .text(Format.number(line.reached))))
                }))
    }
}

/// The month's gaps (need, nobody working) and duplications (several partners, same activity, same site).
struct ResponseGapsView {
    var user: UserContext
    var month: ReportingMonth
    var gaps: [ResponseAnalysis.Gap]
    var gapCount: Int
    var duplications: [ResponseAnalysis.Duplication]
    var duplicationCount: Int
    var organisations: [UUID: String]
    var siteCodes: [UUID: String]

    func render() -> String {
        Layout.page(
            "Gaps and duplications", user: user,
            .h1(.text("Gaps and duplications, \(month)")),
            ActivityLinks.bar(current: Paths.activityGaps, user: user),
            .form(
                .class("filters"), .method(.get), .action(Paths.activityGaps),
                .label("Month", .input(.type(.month), .name("month"), .value(month.description))),
                .button(.type(.submit), "Show")),
            .h2(.text("Gaps: \(Format.number(gapCount)) site and sector pairs")),
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
                                .td(.a(.href(Paths.site(gap.siteID)), .text(gap.code))), .td(.text(gap.sector)),
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
                                .td(.a(.href(Paths.site(d.siteID)), .text(siteCodes[d.siteID] ?? "site"))),
                                .td(.text(d.activity)),
                                .td(.text(d.organisationIDs.compactMap { organisations[$0] }.joined(separator: ", "))),
                                .td(.class("num"), .text(Format.number(d.reached))),
                                .td(.class("num"), .text(Format.number(d.population))))
                        }))))
    }
}
