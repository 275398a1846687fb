/// Every panel a site's page shows, in this order, one line each.
enum SitePanels {
    static let all: [any SitePanel.Type] = [ResponseAtSite.self, ServicesAtSite.self, FeedbackAtSite.self]

    static func load(_ site: Site, for user: UserContext, _ context: SitePanelContext) async throws
        -> [any SitePanel]
    {
        var panels: [any SitePanel] = []
        for panel in all {
            if let loaded = try await panel.load(site, for: user, context) { panels.append(loaded) }
        }
        return panels
    }
}
