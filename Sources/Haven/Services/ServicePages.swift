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
        let services = try await Service.query(on: req.db).filter(\.$site.$id == site.requireID()).filter(
            \.$archivedAt == nil
        )
        .sort(\.$sector).sort(\.$name).all()
        let organisations = try await Organisation.query(on: req.db).live().sort(\.$name).all()
        return Layout.response(
            ServiceViews.directory(
                user: user, site: site, services: services, organisations: organisations,
                languages: req.languages, values: values, errors: errors, csrf: req.csrfToken), status: status)
    }
}

enum ServiceViews {
    static func directory(
        user: UserContext, site: Site, services: [Service], organisations: [Organisation], languages: [Wording],
        values: [String: String], errors: [FieldError], csrf: String
    ) -> String {
        let editable = Permission.editSite(site.scope).isGranted(to: user)
        let names = Dictionary(organisations.map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(
            "Services at \(site.code)", user: user,
            .h1(.text("Services at \(site.name) "), .small(.text(site.code))),
            .p(
                .a(.href(Paths.site.link(site.id!)), "Back to the site"), .text(" · Poster to print and pin: "),
                .forEach(languages) { language in
                    .group(
                        .a(
                            .href(Paths.poster.link(site.code) + "?lang=" + language.code),
                            .text(language[.languageName])),
                        .text(" "))
                }),
            services.isEmpty
                ? .p("No services are listed yet: residents' poster says so.")
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th("Sector"), .th("Service"), .th("Provider"), .th("Where"), .th("When"),
                                .th("How to reach"), .th("Referral focal point"),
                                .if(editable, .th(.class("noprint"), "")))),
                        .tbody(
                            .forEach(services) { service in
                                .tr(
                                    .td(.text(service.sector)), .td(.text(service.name)),
                                    .td(.text(names[service.$provider.id] ?? "")),
                                    .td(.text(service.location)), .td(.text(service.hours)),
                                    .td(.text(service.contact)), .td(.text(service.referralFocalPoint)),
                                    .if(
                                        editable,
                                        .td(
                                            .class("noprint"),
                                            Layout.form(
                                                action: Paths.archiveService.link(
                                                    site.id!.uuidString, service.id!.uuidString),
                                                csrf: csrf,
                                                .button(.type(.submit), .class("secondary"), "No longer offered")))))
                            }))),
            .if(
                editable,
                .group(
                    .h2("Add a service"),
                    .if(!errors.isEmpty, .p(.class("alert"), "Please check the fields marked below.")),
                    Layout.form(
                        action: Paths.services.link(site.id!), csrf: csrf,
                        Layout.select(
                            "sector", "Sector",
                            options: [("", "Choose")] + ResponseSector.all.map { ($0.code, $0.name) },
                            selected: values["sector"], errors: errors),
                        Layout.field(
                            "name", "Service (what residents can get)", value: values["name"], errors: errors,
                            required: true),
                        Layout.select(
                            "provider", "Provider",
                            options: [("", "Choose")] + organisations.map { ($0.id!.uuidString, $0.name) },
                            selected: values["provider"], errors: errors),
                        Layout.field("location", "Where", value: values["location"], errors: errors),
                        Layout.field("hours", "Days and hours", value: values["hours"], errors: errors),
                        Layout.field("contact", "How to reach them", value: values["contact"], errors: errors),
                        Layout.field(
                            "referralFocalPoint", "Referral focal point (who takes referred cases)",
                            value: values["referralFocalPoint"], errors: errors),
                        .button(.type(.submit), "Add to the directory")))))
    }
}
