import Fluent
import Plot
import Vapor

/// A site's service directory for the staff who keep it: what is listed, a form to add a service, archiving one
/// that stopped, and the way to the printable poster in each of the operation's languages.
struct ServicePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.services, use: list)
        routes.post(Paths.services, use: add)
        routes.post(Paths.archiveService, use: archive)
    }

    func list(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.readOperationalData)
        return try await page(req, site: site, user: user, values: [:], errors: [])
    }

    func add(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.requireUser()
        let values = try req.content.decode([String: String].self)
        let body = ServiceBody(
            siteId: try site.requireID(), sector: values["sector"] ?? "",
            providerId: values["provider"].flatMap(UUID.init(uuidString:)) ?? UUID(),
            name: values["name"] ?? "", location: values["location"], hours: values["hours"],
            contact: values["contact"],
            referralFocalPoint: values["referralFocalPoint"])
        do {
            _ = try await ServiceDirectory.save(body, into: nil, by: user, on: req.db)
            return req.redirect(to: Paths.services.link(site.id!))
        } catch HavenError.invalid(let errors) {
            let named = errors.map { $0.field == "providerId" ? FieldError("provider", $0.message) : $0 }
            return try await page(
                req, site: site, user: user, values: values, errors: named, status: .unprocessableEntity)
        }
    }

    func archive(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.requireUser()
        let service = try await req.find(Service.self, "service", named: "Service")
        guard service.$site.id == site.id else { throw HavenError.notFound("Service") }
        try ServiceDirectory.requirePermission(site, user)
        try await Audit.archive(service, by: user.actor, on: req.db)
        return req.redirect(to: Paths.services.link(site.id!))
    }

    private func page(
        _ req: Request, site: Site, user: UserContext, values: [String: String], errors: [FieldError],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let view = ServiceDirectoryView(
            user: user, listing: try await ServiceListQuery.listing(of: site, on: req.db),
            organisations: try await Organisation.choices(on: req.db), languages: req.languages, values: values,
            errors: errors, csrf: req.csrfToken)
        return Layout.response(view.render(), status: status)
    }
}
