import Fluent
import Vapor

/// An organisation as the API reads and writes it.
struct OrganisationBody: Content {
    var id: UUID?
    var name: String
    var acronym: String?
    var type: Organisation.Kind
    var archived: Bool?

    init(name: String, acronym: String?, type: Organisation.Kind) {
        (self.name, self.acronym, self.type) = (name, acronym, type)
    }

    init(_ org: Organisation) {
        id = org.id
        name = org.name
        acronym = org.acronym
        type = org.kind
        archived = org.archivedAt != nil
    }

    func apply(to org: Organisation, on db: any Database) async throws {
        var errors: [FieldError] = []
        let name = name.trimmed
        if name.isEmpty { errors.append(FieldError("name", "is required")) }
        errors += TextRules.problems([("name", name, .name), ("acronym", acronym?.trimmed, .code)])
        if let other = try await Organisation.query(on: db).filter(\.$name == name).first(), other.id != org.id {
            errors.append(FieldError("name", "\(name) already exists"))
        }
        try HavenError.check(errors)
        org.name = name
        org.acronym = acronym?.trimmed ?? ""
        org.kind = type
    }
}

/// `/api/v1/organisations`.
struct OrganisationAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let orgs = routes.grouped("organisations")
        orgs.get(use: list)
        orgs.post(use: create)
        orgs.get(":id", use: show)
        orgs.put(":id", use: update)
        orgs.archiveAndRestore(":id", use: setArchived)
    }

    func list(req: Request) async throws -> Page<OrganisationBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = Organisation.query(on: req.db).live()
        if let q = (req.query["q"] as String?).nonEmpty {
            query.group(.or) { $0.filter(\.$name ~~ q).filter(\.$acronym ~~ q) }
        }
        if let raw = (req.query["type"] as String?).nonEmpty {
            guard let kind = Organisation.Kind(rawValue: raw) else {
                throw HavenError.invalid([FieldError("type", "'\(raw)' is not an organisation type")])
            }
            query.filter(\.$kind == kind)
        }
        let (orgs, total) = try await query.sort(\.$name).fetchPage(page)
        return Page(items: orgs.map(OrganisationBody.init), total: total, request: page)
    }

    func show(req: Request) async throws -> OrganisationBody {
        try req.authorize(.readOperationalData)
        return OrganisationBody(try await req.find(Organisation.self, named: "Organisation"))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.createOrganisation)
        let org = Organisation()
        try await req.content.decode(OrganisationBody.self).apply(to: org, on: req.db)
        try await Audit.create(org, by: user.actor, on: req.db)
        return try await OrganisationBody(org).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> OrganisationBody {
        let org = try await req.find(Organisation.self, named: "Organisation")
        let user = try req.authorize(.editOrganisation(org.id!))
        let before = org.auditFields
        try await req.content.decode(OrganisationBody.self).apply(to: org, on: req.db)
        try await Audit.update(org, before: before, by: user.actor, on: req.db)
        return OrganisationBody(org)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> OrganisationBody {
        let user = try req.authorize(.createOrganisation)
        let org = try await req.find(Organisation.self, named: "Organisation")
        try await Audit.setArchived(archived, org, by: user.actor, on: req.db)
        return OrganisationBody(org)
    }
}
