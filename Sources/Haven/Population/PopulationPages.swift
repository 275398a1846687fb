import Fluent
import Plot
import Vapor

/// Recording a population count in the browser, the way a site manager does after each headcount.
struct PopulationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.newCount, use: form)
        routes.post(Paths.newCount, use: record)
    }

    func form(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordPopulation(site.scope))
        let values = [
            "countedOn": CalendarDay.today().description, "source": PopulationSource.headcount.rawValue,
            "disaggregated": "yes",
        ]
        return Layout.response(
            PopulationFormView(user: user, site: site, values: values, errors: [], csrf: req.csrfToken).render())
    }

    func record(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordPopulation(site.scope))
        let values = try req.content.decode([String: String].self)
        do {
            _ = try await PopulationRegister.record(
                try PopulationForm.figures(from: values), for: site, by: user.actor, on: req.db)
            return req.redirect(to: Paths.site.link(site.id!))
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                PopulationFormView(user: user, site: site, values: values, errors: errors, csrf: req.csrfToken)
                    .render(),
                status: .unprocessableEntity)
        }
    }
}
