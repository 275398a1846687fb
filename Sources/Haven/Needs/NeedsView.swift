import Plot

/// The needs figures page: one row per area of the chosen level, the operation's totals, the method.
struct NeedsView {
    var user: UserContext
    var areas = AreaSuggestions()
    var query: NeedsQuery
    var result: NeedsQuery.Result
    /// The boundaries of the areas shown, where they were imported.
    var outlines: [(pcode: String, outline: Outline)] = []

    func render() -> String {
        Layout.page(
            "Needs figures", user: user,
            .h1("Needs figures by area (HNO inputs)"),
            .form(
                .class("filters"), .method(.get), .action(Paths.needs),
                FilterFields.choice(
                    "level", "Areas of level", any: "Provinces (1)", (2...4).map { (String($0), "Admin \($0)") },
                    selected: query.level == 1 ? nil : String(query.level)),
                FilterFields.area(query.within, suggestions: areas),
                .button(.type(.submit), "Show")),
            Paths.needsDownload.links(query.level == 1 ? [:] : ["level": String(query.level)]),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(result.operation.people))), "people in open sites"),
                .div(.strong(.text(Format.number(result.operation.inNeed))), "in sites at severity 3 or worse"),
                .div(
                    .strong(.text(result.operation.severity.map { "\($0.rawValue) · \($0.label)" } ?? "–")),
                    "severity (25% rule)"),
                .div(
                    .strong(
                        .text(
                            "\(Format.number(result.operation.assessedSites)) of \(Format.number(result.operation.sites))"
                        )),
                    "sites assessed")),
            .if(
                !outlines.isEmpty,
                .div(
                    .class("charts"),
                    .div(
                        .raw(Charts.areaMap(shaded, title: "People in need in each area")),
                        .p(.class("hint"), "Darker areas have more people in need; grey areas have none.")))),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("Area"), .th(.class("num"), "People"), .th(.class("num"), "In need"), .th("Severity"),
                            .forEach(result.sectors) { .th(.class("num"), .text($0)) }, .th("Sites assessed"),
                            .th("Rounds"))),
                    .tbody(
                        .forEach(result.areas) { area in
                            .tr(
                                .td(
                                    .unwrap(result.tree[area.id]) { found in
                                        .group(
                                            .a(.href(Paths.adminArea.link(found.pcode)), .text(found.name)),
                                            .small(.class("code"), .text(" \(found.pcode)")))
                                    }),
                                .td(.class("num"), .text(Format.number(area.people))),
                                .td(.class("num"), .text(Format.number(area.inNeed))),
                                .td(RoundSection.chip(area.severity)),
                                .forEach(result.sectors) { sector in
                                    .td(.class("num"), .text(area.inNeedBySector[sector].map(Format.number) ?? "–"))
                                },
                                .td(.text("\(area.assessedSites) of \(area.sites)")),
                                .td(.text(range(area))))
                        }))),
            .h2("Method"),
            .p(
                .text(
                    "People are those counted in each open or closing site (its latest count). A site is assessed when it has a monitoring round; its severity in a sector is the latest round's, and overall it is its worst sector's. People in need, in a sector or overall, are the people living in assessed sites at severity 3 (severe) or worse. An area's severity is the highest phase reached by more than 25% of the people in its assessed sites. Sector columns give the people in need per monitoring sector. Sites not yet assessed count in the people, not in need."
                )))
    }

    private var shaded: [Charts.ShadedArea] {
        let byCode = Dictionary(
            result.areas.compactMap { area in result.tree[area.id].map { ($0.pcode, area.inNeed) } },
            uniquingKeysWith: { a, _ in a })
        return outlines.map {
            Charts.ShadedArea(
                outline: $0.outline, label: "\(result.tree.names[$0.pcode] ?? $0.pcode) (\($0.pcode))",
                value: byCode[$0.pcode] ?? 0)
        }
    }

    private func range(_ area: NeedsFigures.Area) -> String {
        guard let first = area.firstAssessed, let last = area.lastAssessed else { return "–" }
        return first == last ? Format.day(first) : "\(Format.day(first)) – \(Format.day(last))"
    }
}
