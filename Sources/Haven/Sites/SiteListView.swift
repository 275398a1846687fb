import Plot

/// The site list page: filters, totals, a sortable table and pages.
struct SiteListView {
    var user: UserContext
    /// What the area filter suggests.
    var areas = AreaSuggestions()
    var filter: SiteFilter
    var page: PageRequest
    var list: SiteList

    func render() -> String {
        Layout.page(
            "Sites", user: user,
            .h1("Sites"),
            .if(
                Permission.createSite.isGranted(to: user),
                .div(.class("actions"), .a(.class("button"), .href(Paths.newSite), "Add a site"))),
            filters,
            Paths.sitesDownload.links(exportQuery),
            .p(
                .class("downloads noprint"), "Also: ",
                Paths.countsDownload.named("population over time", exportQuery), " · ",
                .a(.href(Paths.sitesGeoJSON), "map points (GeoJSON)")),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(list.total))), .text(list.total == 1 ? "site" : "sites")),
                .div(.strong(.text(Format.number(list.people))), "people (latest counts)")),
            .div(.class("table-wrap"), tableNode),
            Layout.pager(total: list.total, page: page, baseQuery: baseQuery, path: Paths.sites.link())
        )
    }

    /// The filters without the sort, which exports do not take.
    private var exportQuery: [String: String] { baseQuery.filter { $0.key != "sort" } }

    private var baseQuery: [String: String] {
        var query: [String: String] = ["sort": (filter.descending ? "-" : "") + filter.sort.rawValue]
        if let text = filter.text { query["q"] = text }
        if let type = filter.type { query["type"] = type.rawValue }
        if let status = filter.status { query["status"] = status.rawValue }
        if let area = filter.adminArea { query["adminArea"] = area }
        return query
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .class("filters"), .method(.get), .action(Paths.sites),
            .label(
                "Search",
                .input(.type(.search), .name("q"), .value(escaping: filter.text ?? ""), .placeholder("code or name"))),
            FilterFields.choice("type", "Type", any: "All types", selected: filter.type),
            FilterFields.choice("status", "Status", any: "All statuses", selected: filter.status),
            FilterFields.area(filter.adminArea, suggestions: areas),
            .label(
                "Sort",
                .select(
                    .attribute(named: "name", value: "sort"),
                    .forEach(SiteFilter.Sort.allCases) { sort in
                        .group(
                            Layout.option(
                                sort.rawValue, sort.label, selected: sort == filter.sort && !filter.descending),
                            Layout.option(
                                "-" + sort.rawValue, sort.label + " (reverse)",
                                selected: sort == filter.sort && filter.descending))
                    })),
            .button(.type(.submit), "Filter")
        )
    }

    var tableNode: Node<HTML.BodyContext> {
        .table(
            .thead(
                .tr(
                    .th("Code"), .th("Name"), .th(.class("hide-narrow"), "Type"), .th("Status"),
                    .th(.class("hide-narrow"), "Area"), .th(.class("hide-narrow"), "Managed by"),
                    .th(.class("num"), "People"), .th(.class("num hide-narrow"), "Counted"))),
            .tbody(
                .forEach(list.rows) { site in
                    .tr(
                        .td(.a(.href(Paths.site.link(site.id)), .text(site.code))),
                        .td(.text(site.name)),
                        .td(.class("hide-narrow"), .text(site.type.label)),
                        .td(.span(.class("status status-\(site.status.rawValue)"), .text(site.status.label))),
                        .td(.class("hide-narrow"), .text(site.areaName ?? "–")),
                        .td(.class("hide-narrow"), .text(site.agencyShortName ?? "–")),
                        .td(.class("num"), .text(Format.number(site.populationIndividuals))),
                        .td(.class("num hide-narrow"), .text(Format.day(site.populationCountedOn))))
                })
        )
    }
}
