import Fluent
import Plot
import Vapor

/// Recording a monitoring round in the browser: a form generated from the current catalogue, by sector.
struct RoundPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.newRound, use: form)
        routes.get(Paths.roundTemplate, use: template)
        routes.post(Paths.newRound, use: record)
    }

    func form(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordMonitoring(site.scope))
        let catalogue = try await Catalogue.current(on: req.db)
        return Layout.response(
            RoundFormView(
                user: user, site: site, catalogue: catalogue.indicators,
                values: ["conductedOn": CalendarDay.today().description], errors: [], csrf: req.csrfToken
            ).render())
    }

    func record(req: Request) async throws -> Response {
        let site = try await req.find(Site.self, named: "Site")
        let user = try req.authorize(.recordMonitoring(site.scope))
        let catalogue = try await Catalogue.current(on: req.db)
        let values = try req.content.decode([String: String].self)
        do {
            let input = try RoundForm.input(from: values, catalogue: catalogue.indicators)
            _ = try await RoundRegister.record(
                input, for: RoundSite(site), catalogue: catalogue, source: .web, by: user.actor, on: req.db,
                writer: req.roundWriter)
            return req.redirect(to: Paths.site.link(site.id!))
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                RoundFormView(
                    user: user, site: site, catalogue: catalogue.indicators, values: values, errors: errors,
                    csrf: req.csrfToken
                ).render(), status: .unprocessableEntity)
        }
    }

    /// The header row of a rounds file for the current catalogue, to fill in and import.
    func template(req: Request) async throws -> Response {
        try req.authorize(.uploadRounds)
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "haven-monitoring-rounds.csv")
        response.body = .init(string: RoundImport.template(try await Catalogue.current(on: req.db).indicators))
        return response
    }
}
