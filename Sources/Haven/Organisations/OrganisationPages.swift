import Fluent
import Vapor

/// `/organisations`: the operation's organisations with their accounts and sites; coordinators and
/// administrators add, edit, archive and restore them, a partner edits its own.
struct OrganisationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.organisations, use: list)
        routes.get(Paths.newOrganisation, use: newForm)
        routes.post(Paths.organisations, use: create)
        routes.get(Paths.organisation, use: editForm)
        routes.post(Paths.organisation, use: update)
        routes.post(Paths.organisation.archive) { try await setArchived(true, $0) }
        routes.post(Paths.organisation.restore) { try await setArchived(false, $0) }
    }

    func list(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let archived = req.query["archived"] == "true"
        let model = try await OrganisationListView.Model.load(archived: archived, on: req.db)
        return Layout.response(OrganisationListView(user: user, model: model).render())
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.authorize(.createOrganisation)
        return form(req, user: user, organisation: nil, values: ["type": Organisation.Kind.nngo.rawValue], errors: [])
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.createOrganisation)
        let values = try req.content.decode([String: String].self)
        do {
            let organisation = Organisation()
            try await Self.body(values).apply(to: organisation, on: req.db)
            try await Audit.create(organisation, by: user.actor, on: req.db)
            return req.redirect(to: Paths.organisations.link())
        } catch HavenError.invalid(let errors) {
            return form(req, user: user, organisation: nil, values: values, errors: errors)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let organisation = try await req.find(Organisation.self, named: "Organisation")
        let user = try req.authorize(.editOrganisation(try organisation.requireID()))
        let values = ["name": organisation.name, "acronym": organisation.acronym, "type": organisation.kind.rawValue]
        return form(req, user: user, organisation: organisation, values: values, errors: [])
    }

    func update(req: Request) async throws -> Response {
        let organisation = try await req.find(Organisation.self, named: "Organisation")
        let user = try req.authorize(.editOrganisation(try organisation.requireID()))
        let values = try req.content.decode([String: String].self)
        do {
            let before = organisation.auditFields
            try await Self.body(values).apply(to: organisation, on: req.db)
            try await Audit.update(organisation, before: before, by: user.actor, on: req.db)
            return req.redirect(to: Paths.organisations.link())
        } catch HavenError.invalid(let errors) {
            return form(req, user: user, organisation: organisation, values: values, errors: errors)
        }
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> Response {
        let user = try req.authorize(.createOrganisation)
        let organisation = try await req.find(Organisation.self, named: "Organisation")
        try await Audit.setArchived(archived, organisation, by: user.actor, on: req.db)
        return req.redirect(to: Paths.organisation.link(try organisation.requireID()))
    }

    /// The form's values as the API's body, so both check and write the same way.
    static func body(_ values: [String: String]) throws -> OrganisationBody {
        guard let kind = Organisation.Kind(rawValue: values["type"] ?? "") else {
            throw HavenError.invalid([FieldError("type", "choose a type")])
        }
        return OrganisationBody(name: values["name"] ?? "", acronym: values["acronym"], type: kind)
    }

    private func form(
        _ req: Request, user: UserContext, organisation: Organisation?, values: [String: String], errors: [FieldError]
    ) -> Response {
        Layout.response(
            OrganisationFormView(
                user: user, organisation: organisation, values: values, errors: errors, csrf: req.csrfToken
            ).render(), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
