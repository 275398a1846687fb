import Fluent
import Vapor

/// The site registry in the browser: list, profile, create, edit, archive.
struct SitePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.sites, use: list)
        routes.get(Paths.newSite, use: newForm)
        routes.post(Paths.newSite, use: create)
        routes.get(Paths.site, use: show)
        routes.get(Paths.editSite, use: editForm)
        routes.post(Paths.editSite, use: update)
        routes.archiveAndRestore(Paths.site, use: setArchived)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let filter = try SiteFilter(req)
        let page = try PageRequest(req)
        let list = try await SiteListQuery.fetch(filter, page: page, on: req.db)
        let model = SiteListView(
            user: user, areas: try await AreaSuggestions.load(on: req.db), filter: filter, page: page, list: list)
        return Layout.response(model.render())
    }

    func show(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let site = try await req.find(Site.self, named: "Site")
        let context = SitePanelContext(
            db: req.db, today: .today(), smallCellThreshold: req.application.havenSettings.smallCellThreshold)
        let profile = try await SiteProfile.load(site, for: user, context)
        return Layout.response(SiteProfileView(user: user, profile: profile, csrf: req.csrfToken).render())
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.authorize(.createSite)
        let options = try await SiteFormView.Options.load(on: req.db)
        return Layout.response(
            SiteFormView(user: user, site: nil, values: [:], errors: [], options: options, csrf: req.csrfToken).render()
        )
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.createSite)
        let values = try req.content.decode([String: String].self)
        do {
            let input = try SiteForm.input(from: values)
            let site = try await SiteRegister.create(input, by: user.actor, on: req.db)
            return req.redirect(to: Paths.site.link(site.id!) + "?saved=1")
        } catch HavenError.invalid(let errors) {
            let options = try await SiteFormView.Options.load(on: req.db)
            return Layout.response(
                SiteFormView(
                    user: user, site: nil, values: values, errors: errors, options: options,
                    csrf: req.csrfToken
                ).render(), status: .unprocessableEntity)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.editSite(site.scope))
        let options = try await SiteFormView.Options.load(on: req.db)
        return Layout.response(
            SiteFormView(
                user: user, site: site, values: SiteForm.values(from: site), errors: [],
                options: options, csrf: req.csrfToken
            ).render())
    }

    func update(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.editSite(site.scope))
        let values = try req.content.decode([String: String].self)
        do {
            try await SiteRegister.update(site, with: try SiteForm.input(from: values), by: user.actor, on: req.db)
            return req.redirect(to: Paths.site.link(site.id!) + "?saved=1")
        } catch HavenError.invalid(let errors) {
            let options = try await SiteFormView.Options.load(on: req.db)
            return Layout.response(
                SiteFormView(
                    user: user, site: site, values: values, errors: errors, options: options,
                    csrf: req.csrfToken
                ).render(), status: .unprocessableEntity)
        }
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.archiveSite(site.scope))
        try await Audit.setArchived(archived, site, by: user.actor, on: req.db)
        return req.redirect(to: Paths.site.link(site.id!))
    }
}
