import Fluent
import Vapor

/// `/api/v1/sites`: the site registry for scripts and other systems.
struct SiteAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let sites = routes.grouped("sites")
        sites.get(use: list)
        sites.post(use: create)
        sites.get(":id", use: show)
        sites.put(":id", use: update)
        sites.archiveAndRestore(":id", use: setArchived)
        sites.get(":id", "status-history", use: statusHistory)
        sites.get(":id", "audit-events", use: auditTrail)
        routes.get(Paths.sitesGeoJSON.below(Paths.api)) { req in
            try req.authorize(.readOperationalData)
            return SiteGeoJSON.response(on: req.replica)
        }
        SiteExport.table.register(Paths.sitesDownload, on: routes) { req in
            try req.authorize(.readOperationalData)
            return try await SiteExport.rows(try SiteFilter(req), on: req.replica)
        }
    }

    func list(req: Request) async throws -> Response {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let list = try await SiteListQuery.fetch(try SiteFilter(req), page: page, on: req.db)
        return Page(items: list.rows.map(SiteBody.init), total: list.total, request: page).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.createSite)
        let site = try await SiteRegister.create(try req.content.decode(SiteInput.self), by: user.actor, on: req.db)
        return try await SiteBody(site).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> SiteBody {
        try req.authorize(.readOperationalData)
        return try SiteBody(try await req.find(Site.self, named: "Site"))
    }

    func update(req: Request) async throws -> SiteBody {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.editSite(site.scope))
        try await SiteRegister.update(site, with: try req.content.decode(SiteInput.self), by: user.actor, on: req.db)
        return try SiteBody(site)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> SiteBody {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.archiveSite(site.scope))
        try await Audit.setArchived(archived, site, by: user.actor, on: req.db)
        return try SiteBody(site)
    }

    struct StatusChangeBody: Content {
        var status: SiteStatus
        var changedOn: String
        var recordedBy: String
    }

    func statusHistory(req: Request) async throws -> Page<StatusChangeBody> {
        try req.authorize(.readOperationalData)
        let site = try await req.find(Site.self, named: "Site")
        let page = try PageRequest(req)
        let (changes, total) = try await SiteStatusChange.query(on: req.db).filter(\.$site.$id == site.requireID())
            .sort(\.$changedOn, .descending).sort(\.$createdAt, .descending).fetchPage(page)
        return Page(
            items: changes.map {
                StatusChangeBody(status: $0.status, changedOn: $0.changedOn, recordedBy: $0.recordedBy)
            },
            total: total, request: page)
    }

    func auditTrail(req: Request) async throws -> Page<AuditEventBody> {
        try req.authorize(.readOperationalData)
        let site = try await req.find(Site.self, named: "Site")
        return try await AuditTrail.page(for: site.requireID(), req)
    }
}
