import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/presence` (who works in each site, by sector) and `/analysis/presence/areas`
/// (how many organisations work in each area), for a month.
struct PresenceAPI: RouteCollection {
    struct SiteItem: Content {
        var siteId: UUID, code: String, name: String, sectors: [String: [UUID]]
    }

    struct AreaItem: Content {
        var pcode: String, name: String, organisations: Int, organisationIds: [UUID], sectors: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("analysis", "presence", use: sites)
        routes.get("analysis", "presence", "areas", use: areas)
        PresenceExport.table.register(Paths.presenceDownload, on: routes, rows: PresenceExport.rows)
    }

    func sites(req: Request) async throws -> Page<SiteItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let result = try await PresenceQuery(req).load(on: req.db)
        let order = PresenceQuery.siteOrder(result)
        let items = order.dropFirst(page.offset).prefix(page.limit).map { id in
            SiteItem(
                siteId: id, code: result.names.sites[id]?.code ?? "", name: result.names.sites[id]?.name ?? "",
                sectors: (result.sites[id] ?? [:]).mapValues { $0.sorted { $0.uuidString < $1.uuidString } })
        }
        return Page(items: items, total: order.count, request: page)
    }

    func areas(req: Request) async throws -> Page<AreaItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let result = try await PresenceQuery(req).load(on: req.db, sites: false)
        let items = result.areas.dropFirst(page.offset).prefix(page.limit).map { area in
            AreaItem(
                pcode: area.pcode, name: result.names.areaNames[area.pcode] ?? "",
                organisations: area.organisations.count,
                organisationIds: area.organisations.sorted { $0.uuidString < $1.uuidString },
                sectors: area.sectors.sorted())
        }
        return Page(items: items, total: result.areas.count, request: page)
    }
}
