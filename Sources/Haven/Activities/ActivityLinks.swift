import Plot

/// The links between the 5W pages, shown under each page's title: those the person may open.
enum ActivityLinks {
    static let pages: [(path: Address, label: String, permission: Permission?)] = [
        (Paths.activities, "Lines", nil), (Paths.progress, "Progress", nil), (Paths.presence, "Presence", nil),
        (Paths.activityGaps, "Gaps and duplications", nil),
        (Paths.ownReporting, "Reporting by organisation", nil), (Paths.activityCatalogue, "Activity catalogue", nil),
        (Paths.importActivities, "Import a 5W spreadsheet", .uploadActivities),
    ]

    static func bar(current: Address, user: UserContext) -> Node<HTML.BodyContext> {
        .nav(
            .class("sublinks"),
            .forEach(pages.filter { $0.permission?.isGranted(to: user) ?? true }) { page in
                page.path == current ? .strong(.text(page.label)) : .a(.href(page.path), .text(page.label))
            })
    }
}
