import Plot

/// An area's page: the way up to the country, its figures, its sub-areas and its sites.
struct AreaPageView {
    var user: UserContext
    var model: AreaPage
    var page: PageRequest

    func render() -> String {
        let area = model.area
        let sites = SiteListView(user: user, filter: model.sites, page: page, list: model.siteList)
        return Layout.page(
            "\(area.name) (\(area.pcode))", user: user,
            .p(.forEach(model.parents) { .group(.a(.href(Paths.adminArea.link($0.pcode)), .text($0.name)), " › ") }),
            .h1(.text("\(area.name) "), .small(.text("\(area.pcode) · admin \(area.level)"))),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(model.rollup?.sites ?? 0))), "open sites, sub-areas included"),
                .div(.strong(.text(Format.number(model.rollup?.people ?? 0))), "people (latest counts)")),
            .if(!model.subAreas.isEmpty, .group(.h2("Sub-areas"), AreaRollup.table(model.subAreas))),
            .h2("Sites"),
            .div(.class("table-wrap"), sites.tableNode),
            Layout.pager(
                total: model.siteList.total, page: page, baseQuery: [:], path: Paths.adminArea.link(area.pcode)))
    }
}
