import Foundation
import Plot

/// Organisations per area (map and table) and who works in each site, by sector, for a month.
struct PresenceView {
    var user: UserContext
    /// What the area filter suggests.
    var areas = AreaSuggestions()
    var query: PresenceQuery
    var page: PageRequest
    var result: PresenceQuery.Result
    var outlines: [(pcode: String, outline: Outline)]

    func render() -> String {
        let order = PresenceQuery.siteOrder(result)
        return Layout.page(
            "Presence", user: user,
            .h1(.text("Who works where, \(query.month)")),
            ActivityLinks.bar(current: Paths.presence, user: user),
            filters,
            Paths.presenceDownload.links(baseQuery.filter { $0.key != "level" }),
            .div(
                .class("charts"),
                .div(
                    .h2(.text("Organisations per area")),
                    .raw(Charts.areaMap(shaded, title: "Organisations working in each area")),
                    .p(.class("hint"), "Darker areas have more organisations at work; grey areas have none.")),
                .div(.h2(.text("Areas")), .div(.class("table-wrap"), areaTable))),
            .h2(.text("Sites and sectors: \(Format.number(order.count)) sites with work")),
            .p(
                .class("hint"),
                "Each cell names the organisations with planned, ongoing or completed work of the sector in the site this month (implementing partner, else the reporting organisation)."
            ),
            .div(.class("table-wrap"), siteMatrix(Array(order.dropFirst(page.offset).prefix(page.limit)))),
            Layout.pager(total: order.count, page: page, baseQuery: baseQuery, path: Paths.presence.link()))
    }

    private var baseQuery: [String: String] {
        var query = ["month": self.query.month.description, "level": String(self.query.level)]
        if let sector = self.query.sector { query["sector"] = sector }
        if let area = self.query.adminArea { query["adminArea"] = area }
        return query
    }

    private var shaded: [Charts.ShadedArea] {
        let counts = Dictionary(
            result.areas.map { ($0.pcode, $0.organisations.count) }, uniquingKeysWith: { a, _ in a })
        let names = result.names.areaNames
        return outlines.map {
            Charts.ShadedArea(
                outline: $0.outline, label: "\(names[$0.pcode] ?? $0.pcode) (\($0.pcode))", value: counts[$0.pcode] ?? 0
            )
        }
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .class("filters"), .method(.get), .action(Paths.presence),
            .label("Month", .input(.type(.month), .name("month"), .value(escaping: query.month.description))),
            FilterFields.sector(selected: query.sector),
            FilterFields.area(query.adminArea, suggestions: areas),
            .label(
                "Areas at level",
                .select(
                    .attribute(named: "name", value: "level"),
                    .forEach(1...3) { Layout.option(String($0), "Admin \($0)", selected: $0 == query.level) })),
            .button(.type(.submit), "Show"))
    }

    private var areaTable: Node<HTML.BodyContext> {
        let names = result.names.areaNames
        return .table(
            .thead(
                .tr(
                    .th("Area"), .th(.class("num"), "Organisations"), .th(.class("num"), "Sectors"),
                    .th(.class("hide-narrow"), "Who"))),
            .tbody(
                .forEach(result.areas) { area in
                    .tr(
                        .td(
                            .a(.href(Paths.adminArea.link(area.pcode)), .text(names[area.pcode] ?? area.pcode)),
                            .small(.text(" \(area.pcode)"))),
                        .td(.class("num"), .text(String(area.organisations.count))),
                        .td(.class("num"), .text(String(area.sectors.count))),
                        .td(
                            .class("hide-narrow who"),
                            .text(area.organisations.map(result.names.organisation).sorted().joined(separator: ", "))))
                }))
    }

    private func siteMatrix(_ sites: [UUID]) -> Node<HTML.BodyContext> {
        let sectors = ResponseSector.all.map(\.code).filter { query.sector == nil || $0 == query.sector }
        return .table(
            .thead(.tr(.th("Site"), .forEach(sectors) { .th(.text($0)) })),
            .tbody(
                .forEach(sites) { site in
                    .tr(
                        .td(.a(.href(Paths.site.link(site)), .text(result.names.sites[site]?.code ?? "site"))),
                        .forEach(sectors) { sector in
                            .td(
                                .class("who"),
                                .text(
                                    (result.sites[site]?[sector] ?? []).map(result.names.organisation).sorted().joined(
                                        separator: ", ")))
                        })
                }))
    }
}
