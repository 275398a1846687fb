import Fluent
import Foundation

/// Everything the site page shows, gathered in a few queries.
struct SiteProfile {
    var site: Site
    var area: [AdminArea]
    var agency: Organisation?
    var statusHistory: [SiteStatusChange]
    var counts: [PopulationCount]
    var audit: AuditTable
    var rounds: [MonitoringRound]
    /// What the other capabilities know about the site (`SitePanels.all`).
    var panels: [any SitePanel]
    /// The day the page was read, printed on the factsheet.
    var today: CalendarDay

    /// How many counts and audit events the page shows; the API pages through the rest.
    static let recentLimit = 60

    static func load(_ site: Site, for user: UserContext, _ context: SitePanelContext) async throws -> SiteProfile {
        let db = context.db
        let id = try site.requireID()
        return SiteProfile(
            site: site,
            area: try await AdminAreaLookup.lineage(of: site.$adminArea.get(on: db), on: db),
            agency: try await site.$managementAgency.get(on: db),
            statusHistory: try await SiteStatusChange.query(on: db).filter(\.$site.$id == id)
                .sort(\.$changedOn, .descending).sort(\.$createdAt, .descending).all(),
            counts: try await PopulationCount.query(on: db).filter(\.$site.$id == id).live()
                .sort(\.$countedOn, .descending).limit(recentLimit).all(),
            audit: try await AuditTable.load(
                AuditEvent.query(on: db).filter(\.$entityID == id).sort(\.$at, .descending).limit(recentLimit).all(),
                on: db),
            rounds: try await MonitoringRound.query(on: db).filter(\.$site.$id == id).live()
                .sort(\.$conductedOn, .descending).limit(recentLimit).all(),
            panels: try await SitePanels.load(site, for: user, context), today: context.today)
    }

    var latestDisaggregated: PopulationCount? { counts.first { $0.disaggregated } }
}
