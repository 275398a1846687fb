import Foundation
import Plot

/// The services residents of a site can reach, by sector, with who provides them.
struct ServicesAtSite: SitePanel {
    var siteID: UUID
    var listing: ServiceListing

    var title: String { "Services" }

    static func load(_ site: Site, for user: UserContext, _ context: SitePanelContext) async throws
        -> ServicesAtSite?
    {
        ServicesAtSite(
            siteID: try site.requireID(), listing: try await ServiceListQuery.listing(of: site, on: context.db))
    }

    func render() -> Node<HTML.BodyContext> {
        .group(
            listing.services.isEmpty
                ? .p("No service is listed for this site yet.")
                : .ul(
                    .class("in-columns"),
                    .forEach(listing.services) { service in
                        .li(
                            .strong(.text(service.sector)), .text(" · \(service.name)"),
                            .unwrap(listing.providers[service.$provider.id]) { .small(.text(" (\($0))")) })
                    }),
            .p(
                .class("links"),
                .a(.href(Paths.services.link(siteID)), "Service directory and residents' poster"))
        )
    }
}
