import Plot

/// The filter fields several list pages share, so that they read and behave alike everywhere.
enum FilterFields {
    /// A response sector, or all of them.
    static func sector(selected: String?) -> Node<HTML.FormContext> {
        .label(
            "Sector",
            .select(
                .attribute(named: "name", value: "sector"), Layout.option("", "All sectors"),
                .forEach(ResponseSector.all) { Layout.option($0.code, $0.name, selected: $0.code == selected) }))
    }

    /// An administrative area by its P-code.
    static func area(_ pcode: String?) -> Node<HTML.FormContext> {
        .label(
            "Area (P-code)",
            .input(.type(.text), .name("adminArea"), .value(pcode ?? ""), .placeholder("e.g. BO02")))
    }
}
