import Foundation
import Plot

struct MonitoringDashboardView {
    var user: UserContext
    /// What the area filter suggests.
    var areas = AreaSuggestions()
    var filter: GapAnalysis.Filter
    var siteFilter: SiteFilter
    var page: PageRequest
    var ranked: [GapAnalysis.Ranked]
    var shown: [GapAnalysis.Ranked]
    var summary: GapAnalysis.Summary
    var sectors: [String]
    var trend: [Charts.Point]
    var outlines: [Outline]
    var unmet: [UUID: [UnmetStandard]]

    func render() -> String {
        Layout.page(
            "Monitoring", user: user,
            .h1("Site monitoring and gaps"),
            .p(
                .a(.href(Paths.indicators), "The indicator catalogue"), " · ",
                .a(.href(Paths.needs), "Needs figures by area (HNO)"),
                .if(
                    Permission.uploadRounds.isGranted(to: user),
                    .group(" · ", .a(.href(Paths.importRounds), "Upload rounds from a spreadsheet")))),
            filters,
            .p(
                .class("downloads noprint"), "Download the results (severities and answers): ",
                Paths.roundsDownload.named(
                    "latest round of each site", siteQuery.merging(["latest": "true"]) { a, _ in a }), " · ",
                Paths.roundsDownload.named("every round", siteQuery)),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(summary.sitesAssessed))), "sites assessed"),
                .div(.strong(.text(Format.number(summary.peopleAssessed))), "people in them"),
                .div(.strong(.text(Format.number(summary.peopleInNeed))), "people in sites at severity 3+"),
                .div(
                    .strong(
                        .text(summary.areaSeverity.map { "\($0) · \(Severity(rawValue: $0)?.label ?? "–")" } ?? "–")),
                    "area severity (25% rule)")),
            .div(
                .class("charts"),
                .div(
                    .h2("Map"),
                    .raw(
                        Charts.siteMap(
                            ranked.compactMap { r in
                                r.site.coordinates.map {
                                    Charts.MapPoint(
                                        latitude: $0.latitude, longitude: $0.longitude, severity: r.severity,
                                        population: r.site.population, label: r.site.code)
                                }
                            }, outlines: outlines))),
                .div(
                    .h2("People by severity"), .raw(Charts.severityBars(summary.peopleBySeverity)),
                    .h2("% of people assessed in sites at severity 3+, by month"),
                    trend.count > 1
                        ? .raw(
                            Charts.line(trend, title: "Share of people assessed living in sites at severity 3 or worse")
                        ) : .p("Not enough rounds yet."))),
            .h2("Priority sites"),
            .p(
                .class("legend"),
                .forEach(Severity.allCases) {
                    .span(.class("sev sev\($0.rawValue)"), .text("\($0.rawValue) \($0.label)"))
                }),
            .div(.class("table-wrap"), heatMap),
            Layout.pager(total: ranked.count, page: page, baseQuery: baseQuery, path: Paths.monitoring.link()))
    }

    /// The site filters, which the results export takes.
    private var siteQuery: [String: String] { baseQuery.filter { ["adminArea", "type"].contains($0.key) } }

    private var baseQuery: [String: String] {
        var query: [String: String] = [:]
        if let sector = filter.sector { query["sector"] = sector }
        if let minimum = filter.minimumSeverity { query["minSeverity"] = String(minimum.rawValue) }
        if let area = siteFilter.adminArea { query["adminArea"] = area }
        if let type = siteFilter.type { query["type"] = type.rawValue }
        return query
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .class("filters"), .method(.get), .action(Paths.monitoring),
            FilterFields.choice(
                "sector", "Sector", any: "All sectors (overall)", sectors.map { ($0, $0) }, selected: filter.sector),
            .label(
                "At least",
                .select(
                    .attribute(named: "name", value: "minSeverity"), Layout.option("", "Any severity"),
                    .forEach(Severity.allCases) {
                        Layout.option(
                            String($0.rawValue), "\($0.rawValue) \($0.label)", selected: $0 == filter.minimumSeverity)
                    })),
            FilterFields.choice("type", "Type", any: "All types", selected: siteFilter.type),
            FilterFields.area(siteFilter.adminArea, suggestions: areas),
            .button(.type(.submit), "Show"))
    }

    /// ▲ worse or ▼ better overall than the site's round before.
    private func change(_ site: GapAnalysis.SiteScore) -> Node<HTML.BodyContext> {
        guard let now = site.overall, let before = site.previous, now != before else { return .empty }
        return now > before
            ? .span(
                .class("worse"),
                .attribute(
                    named: "title", value: MarkupText.escaped("worse than the round before (\(before.rawValue))")),
                " ▲")
            : .span(
                .class("better"),
                .attribute(
                    named: "title", value: MarkupText.escaped("better than the round before (\(before.rawValue))")),
                " ▼")
    }

    private var heatMap: Node<HTML.BodyContext> {
        .table(
            .class("heat"),
            .thead(
                .tr(
                    .th("#"), .th("Site"), .th(.class("num"), "People"), .th("Severity"),
                    .forEach(sectors) { .th(.class("sector hide-narrow"), .text($0)) }, .th("Unmet standards"))),
            .tbody(
                .forEach(Array(shown.enumerated())) { index, r in
                    .tr(
                        .td(.text(String(page.offset + index + 1))),
                        .td(
                            .a(.href(Paths.site.link(r.site.siteID)), .text(r.site.code)), .br(),
                            .small(.text(r.site.name))),
                        .td(.class("num"), .text(Format.number(r.site.population))),
                        .td(
                            .span(.class("sev sev\(r.severity.rawValue)"), .text(String(r.severity.rawValue))),
                            change(r.site)),
                        .forEach(sectors) { sector in
                            .td(
                                .class("hide-narrow"),
                                .unwrap(r.site.sectors[sector]) {
                                    .span(.class("sev sev\($0.rawValue)"), .text(String($0.rawValue)))
                                })
                        },
                        .td(
                            .ul(
                                .class("changes"),
                                .forEach((unmet[r.site.siteID] ?? []).prefix(3)) { .li(.text($0.sentence)) })))
                }))
    }
}
