import Fluent
import Plot

/// What a capability shows on a site's page beside the site's own facts. The site is the hub of everything
/// Haven knows about it: each capability brings its panel, with its own query, model and view, and takes one
/// line in `SitePanels.all`.
protocol SitePanel: Sendable {
    /// The panel for this site as this person may see it; nil when there is nothing to show them.
    static func load(_ site: Site, for user: UserContext, _ context: SitePanelContext) async throws -> Self?
    var title: String { get }
    func render() -> Node<HTML.BodyContext>
}

/// What every panel may need besides the site and the person.
struct SitePanelContext {
    var db: any Database
    var today: CalendarDay
    /// Counts of people's feedback below this are not shown.
    var smallCellThreshold: Int
}
