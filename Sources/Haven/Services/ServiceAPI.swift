import Fluent
import Vapor

/// Adding and changing a site's services: those who may change the site may change its directory.
enum ServiceDirectory {
    static func save(_ body: ServiceBody, into service: Service?, by user: UserContext, on db: any Database)
        async throws -> Service
    {
        let site = try await Site.find(body.siteId, on: db)
        if let site { try requirePermission(site, user) }
        let provider = try await Organisation.find(body.providerId, on: db)
        try HavenError.check(
            ServiceRules.check(body, siteKnown: site != nil && site?.archivedAt == nil, providerKnown: provider != nil))
        let target = service ?? Service()
        let before = target.id == nil ? nil : target.auditFields
        target.$site.id = body.siteId
        target.sector = ResponseSector.named(body.sector)!.code
        target.$provider.id = body.providerId
        target.name = body.name.trimmed
        (target.location, target.hours, target.contact, target.referralFocalPoint) =
            (
                body.location?.trimmed ?? "", body.hours?.trimmed ?? "", body.contact?.trimmed ?? "",
                body.referralFocalPoint?.trimmed ?? ""
            )
        if let before {
            try await Audit.update(target, before: before, by: user.actor, on: db)
        } else {
            try await Audit.create(target, by: user.actor, on: db)
        }
        return target
    }

    static func requirePermission(_ site: Site, _ user: UserContext) throws {
        guard Permission.editSite(site.scope).isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) does not allow you to change this site's services.")
        }
    }
}

/// `/api/v1/services`: the service directory of each site.
struct ServiceAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let services = routes.grouped("services")
        services.get(use: list)
        services.post(use: create)
        services.put(":id", use: update)
        services.archiveAndRestore(":id", use: setArchived)
    }

    func list(req: Request) async throws -> Page<ServiceBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        var site: UUID?
        if let raw = (req.query["site"] as String?).nonEmpty {
            guard let id = UUID(uuidString: raw) else {
                throw HavenError.invalid([FieldError("site", "'\(raw)' is not an id")])
            }
            site = id
        }
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
