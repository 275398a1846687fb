import Plot

/// The filter fields several list pages share, so that they read and behave alike everywhere.
enum FilterFields {
    /// One of `options` (value and label), or none of them (`any`, sent empty).
    static func choice(
        _ name: String, _ label: String, any: String, _ options: [(value: String, label: String)], selected: String?
    ) -> Node<HTML.FormContext> {
        .label(
            .text(label),
            .select(
                .attribute(named: "name", value: MarkupText.escaped(name)), Layout.option("", any),
                .forEach(options) { Layout.option($0.value, $0.label, selected: $0.value == selected) }))
    }

    /// A value of a vocabulary (site types, statuses, channels), by its label.
    static func choice<Value: Vocabulary>(
        _ name: String, _ label: String, any: String, selected: Value?
    ) -> Node<HTML.FormContext> {
        choice(name, label, any: any, Value.allCases.map { ($0.rawValue, $0.label) }, selected: selected?.rawValue)
    }

    /// A response sector, or all of them.
    static func sector(selected: String?) -> Node<HTML.FormContext> {
        choice(
            "sector", "Sector", any: "All sectors", ResponseSector.all.map { ($0.code, $0.name) }, selected: selected)
    }

    /// An administrative area by its name or P-code, with the operation's provinces and districts suggested.
    static func area(_ pcode: String?, suggestions: AreaSuggestions) -> Node<HTML.FormContext> {
        .group(
            .label(
                .text(Wording.staff[.areaFilter]),
                .input(
                    .type(.text), .name("adminArea"), .value(escaping: pcode ?? ""),
                    .placeholder(Wording.staff[.areaExample]),
                    .attribute(named: "list", value: "area-suggestions"),
                    .attribute(named: "autocomplete", value: "off"))),
            suggestions.datalist)
    }
}
