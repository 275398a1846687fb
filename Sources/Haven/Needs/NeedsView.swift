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
        let w = Wording.staff
        return Layout.page(
            w[.needsTitle], user: user,
            .h1(.text(w[.needsLink])),
            .form(
                .class("filters"), .method(.get), .action(Paths.needs),
                FilterFields.choice(
                    "level", w[.areasOfLevel], any: w[.provincesLevel],
                    (2...4).map { (String($0), w[.adminLevel, ["level": String($0)]]) },
                    selected: query.level == 1 ? nil : String(query.level)),
                FilterFields.area(query.within, suggestions: areas),
                .button(.type(.submit), .text(w[.show]))),
            Paths.needsDownload.links(query.level == 1 ? [:] : ["level": String(query.level)]),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(result.operation.people))), .text(w[.peopleInOpenSites])),
                .div(.strong(.text(Format.number(result.operation.inNeed))), .text(w[.inSevereSites])),
                .div(
                    .strong(.text(result.operation.severity.map { "\($0.rawValue) · \(w.severity($0))" } ?? "–")),
                    .text(w[.areaSeverityRule])),
                .div(
                    .strong(
                        .text(
                            w[
                                .partOf,
                                [
                                    "part": Format.number(result.operation.assessedSites),
                                    "whole": Format.number(result.operation.sites),
                                ]])),
                    .text(w[.sitesAssessed]))),
            .if(
                !outlines.isEmpty,
                .div(
                    .class("charts"),
                    .div(
                        .raw(Charts.areaMap(shaded, title: w[.inNeedMap])),
                        .p(.class("hint"), .text(w[.inNeedMapHint]))))),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th(.text(w[.area])), .th(.class("num"), .text(w[.people])),
                            .th(.class("num"), .text(w[.inNeed])), .th(.text(w[.severity])),
                            .forEach(result.sectors) { .th(.class("num"), .text($0)) },
                            .th(.text(w[.sitesAssessedColumn])), .th(.text(w[.rounds])))),
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
                                .td(
                                    .text(
                                        w[.partOf, ["part": String(area.assessedSites), "whole": String(area.sites)]])),
                                .td(.text(range(area))))
                        }))),
            .h2(.text(w[.method])),
            .p(.text(w[.needsMethod])))
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
