import Plot

/// The links between the 5W pages, shown under each page's title.
enum ActivityLinks {
    static let pages: [(path: String, label: String)] = [
        (Paths.activities, "Lines"), (Paths.progress, "Progress"), (Paths.presence, "Presence"),
        (Paths.activityGaps, "Gaps and duplications"),
        (Paths.ownReporting, "Reporting by organisation"), (Paths.activityCatalogue, "Activity catalogue"),
        (Paths.importActivities, "Import a 5W spreadsheet"),
    ]

    static func bar(current: String) -> Node<HTML.BodyContext> {
        .nav(
            .class("sublinks"),
            .forEach(pages) { page in
                page.path == current ? .strong(.text(page.label)) : .a(.href(page.path), .text(page.label))
            })
    }
}
