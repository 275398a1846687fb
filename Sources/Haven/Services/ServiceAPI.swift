import Fluent
import Vapor

/// `/api/v1/services`: the service directory of each site.
struct ServiceAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let services = routes.grouped("services")
        services.get(use: list)
        services.post(use: create)
        services.put(":id", use: update)
        services.archiveAndRestore(":id", use: setArchived)
        ServiceExport.table.register(Paths.servicesDownload, on: routes, rows: ServiceExport.rows)
    }

    func list(req: Request) async throws -> Page<ServiceBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        var errors: [FieldError] = []
        let site = try await Site.filtered(req.query["site"], field: "site", on: req.db, errors: &errors)
        try HavenError.check(errors)
        let sector = (req.query["sector"] as String?).nonEmpty
        let (services, total) = try await ServiceListQuery.query(site: site, sector: sector, on: req.db)
            .fetchPage(page)
        return Page(items: services.map(ServiceBody.init), total: total, request: page)
    }

    func create(req: Request) async throws -> Response {
        let service = try await ServiceDirectory.save(
            try req.content.decode(ServiceBody.self), into: nil, by: req.requireUser(), on: req.db)
        return try await ServiceBody(service).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> ServiceBody {
        let service = try await req.find(Service.self, named: "Service")
        return ServiceBody(
            try await ServiceDirectory.save(
                try req.content.decode(ServiceBody.self), into: service, by: req.requireUser(), on: req.db))
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> ServiceBody {
        let user = try req.requireUser()
        let service = try await req.find(Service.self, named: "Service")
        if let site = try await Site.find(service.$site.id, on: req.db) {
            try ServiceDirectory.requirePermission(site, user)
        }
        try await Audit.setArchived(archived, service, by: user.actor, on: req.db)
        return ServiceBody(service)
    }
}
