import Foundation
import Plot

/// The 5W table: filters, totals and a page of lines.
struct ActivityTableView {
    var user: UserContext
    /// What the area filter suggests.
    var areas = AreaSuggestions()
    var filter: ActivityFilter
    var page: PageRequest
    var lines: [ActivityLine]
    var totals: ActivityListQuery.Totals
    var names: ActivityPageNames

    func render() -> String {
        Layout.page(
            "5W", user: user,
            .h1("Who does what, where, when"),
            ActivityLinks.bar(current: Paths.activities, user: user),
            Paths.activitiesDownload.links(baseQuery),
            filters,
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(totals.lines))), .text(totals.lines == 1 ? "line" : "lines")),
                .div(.strong(.text(Format.number(totals.targeted ?? 0))), "people targeted"),
                .div(.strong(.text(Format.number(totals.reached ?? 0))), "people reached"),
                .div(
                    .strong(.text(Format.percent(totals.reached ?? 0, of: totals.targeted ?? 0))),
                    "of the target reached")),
            .div(.class("table-wrap"), table),
            Layout.pager(total: totals.lines, page: page, baseQuery: baseQuery, path: Paths.activities.link()))
    }

    private var baseQuery: [String: String] {
        var query: [String: String] = [:]
        if let sector = filter.sector { query["sector"] = sector }
        if let status = filter.status { query["status"] = status.rawValue }
        if let month = filter.month { query["month"] = month.description }
        if let area = filter.adminArea { query["adminArea"] = area }
        if let organisation = filter.organisation { query["organisation"] = organisation.uuidString }
        if let site = filter.site { query["site"] = site.uuidString }
        if let activity = filter.activity { query["activity"] = activity }
        return query
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .class("filters"), .method(.get), .action(Paths.activities),
            FilterFields.sector(selected: filter.sector),
            FilterFields.choice("status", "Status", any: "All statuses", selected: filter.status),
            .label("Month", .input(.type(.month), .name("month"), .value(escaping: filter.month?.description ?? ""))),
            FilterFields.area(filter.adminArea, suggestions: areas),
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
                            .text(names.organisations[line.reportingOrganisationId] ?? ""),
                            .unwrap(line.implementingOrganisationId.flatMap { names.organisations[$0] }) {
                                .text(" via \($0)")
                            }),
                        .td(
                            .text(names.activities[line.activityCode] ?? line.activityCode),
                            .small(.class("code"), .text(" \(line.activityCode) · \(line.sector)"))),
                        .td(
                            .unwrap(
                                line.siteId.flatMap { id in names.sites[id].map { (id, $0) } },
                                { site in
                                    .group(
                                        .a(.href(Paths.site.link(site.0)), .text(site.1.name)),
                                        .small(.class("code"), .text(" \(site.1.code)")))
                                }, else: .text(names.areas[line.adminAreaId] ?? ""))),
                        .td(.class("hide-narrow"), .text(line.status.label)),
                        .td(.class("num"), .text(Format.number(line.targeted))),
                        .td(.class("num"), .text(Format.number(line.reached))))
                }))
    }
}
