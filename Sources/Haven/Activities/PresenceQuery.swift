import Fluent
import SQLKit
import Vapor

/// The month's work for the presence views, filtered by sector and area, with the names to show it.
struct PresenceQuery {
    var month: ReportingMonth
    var sector: String?
    var adminArea: String?
    /// The level of the areas that organisations are counted in (1 = provinces).
    var level: Int

    init(_ req: Request) throws {
        month = try ResponseAnalysisAPI.month(req)
        sector = (req.query["sector"] as String?).nonEmpty
        adminArea = (req.query["adminArea"] as String?).nonEmpty?.uppercased()
        let rawLevel = (req.query["level"] as String?).nonEmpty
        guard let level = rawLevel.map({ Int($0) }) ?? 1, (1...4).contains(level) else {
            throw HavenError.invalid([FieldError("level", "'\(rawLevel ?? "")' is not an admin level from 1 to 4")])
        }
        self.level = level
    }

    struct Result {
        var sites: [UUID: [String: Set<UUID>]]
        var areas: [Presence.Area]
        var names: ActivityNames
    }

    /// `sites: false` when no site is named (the areas alone).
    func load(on db: any Database, sites: Bool = true) async throws -> Result {
        let names = try await ActivityNames.load(on: db, sites: sites)
        let work = try await ResponseAnalysisAPI.work(in: month, on: db).filter { w in
            (sector == nil || w.sector == sector) && (adminArea.map { pcode in w.areaID.map { names.path($0).contains(pcode) } ?? false } ?? true)
        }
        let areas = Presence.areas(work) { w in
            w.areaID.flatMap { id in names.path(id).dropFirst(level).first }
        }
        return Result(sites: Presence.sites(work), areas: areas, names: names)
    }

    /// Sites with work, by code.
    static func siteOrder(_ result: Result) -> [UUID] {
        result.sites.keys.sorted { (result.names.sites[$0]?.code ?? "") < (result.names.sites[$1]?.code ?? "") }
    }
}

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
    }

    func sites(req: Request) async throws -> Page<SiteItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let result = try await PresenceQuery(req).load(on: req.db)
        let order = PresenceQuery.siteOrder(result)
        let items = order.dropFirst(page.offset).prefix(page.limit).map { id in
            SiteItem(siteId: id, code: result.names.sites[id]?.code ?? "", name: result.names.sites[id]?.name ?? "",
                     sectors: result.sites[id]!.mapValues { $0.sorted { $0.uuidString < $1.uuidString } })
        }
        return Page(items: items, total: order.count, request: page)
    }

    func areas(req: Request) async throws -> Page<AreaItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let result = try await PresenceQuery(req).load(on: req.db, sites: false)
        let items = result.areas.dropFirst(page.offset).prefix(page.limit).map { area in
            AreaItem(pcode: area.pcode, name: result.names.areaNames[area.pcode] ?? "", organisations: area.organisations.count,
                     organisationIds: area.organisations.sorted { $0.uuidString < $1.uuidString }, sectors: area.sectors.sorted())
        }
        return Page(items: items, total: result.areas.count, request: page)
    }
}
