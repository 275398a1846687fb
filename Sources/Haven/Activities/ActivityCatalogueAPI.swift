import Fluent
import Vapor

/// An activity of the catalogue as a client reads and writes it.
struct ActivityTypeBody: Content {
    var id: UUID?
    var code: String
    var sector: String
    var name: String
    var archived: Bool?

    init(code: String, sector: String, name: String) {
        (self.code, self.sector, self.name) = (code, sector, name)
    }

    init(_ type: ActivityType) {
        (id, code, sector, name, archived) = (type.id, type.code, type.sector, type.name, type.archivedAt != nil)
    }
}

/// The rules of the activity catalogue: codes are short and unique, sectors those of the response. A code
/// and its sector are what 5W lines carry, so they never change; a wrong one is archived and added anew.
enum ActivityTypeRules {
    static func check(_ body: ActivityTypeBody, existing: ActivityType?, takenCodes: Set<String>) -> [FieldError] {
        var errors = TextRules.problems([("name", body.name.trimmed, .name)])
        let code = body.code.trimmed.uppercased()
        if let existing {
            if code != existing.code {
                errors.append(
                    FieldError("code", "cannot change (5W lines carry it); archive this activity and add a new one"))
            }
            if body.sector != existing.sector {
                errors.append(
                    FieldError("sector", "cannot change (5W lines carry it); archive this activity and add a new one"))
            }
        } else {
            if code.isEmpty || code.count > 20
                || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            {
                errors.append(FieldError("code", "use 1 to 20 letters, digits, - or _, e.g. WASH-08"))
            } else if takenCodes.contains(code) {
                errors.append(FieldError("code", "\(code) is already in the catalogue"))
            }
            if ResponseSector.named(body.sector) == nil {
                errors.append(
                    FieldError(
                        "sector",
                        "'\(body.sector)' is not a sector of the response; use one of \(ResponseSector.all.map(\.code).joined(separator: ", "))"
                    ))
            }
        }
        if body.name.trimmed.isEmpty { errors.append(FieldError("name", "is required")) }
        return errors
    }
}

/// Adding, renaming, archiving and restoring activities: the one write path of the API and the page.
enum ActivityCatalogue {
    static func add(_ body: ActivityTypeBody, by user: UserContext, on db: any Database) async throws -> ActivityType {
        let taken = Set(try await ActivityType.query(on: db).all().map { $0.code.uppercased() })
        try HavenError.check(ActivityTypeRules.check(body, existing: nil, takenCodes: taken))
        let type = ActivityType(
            code: body.code.trimmed.uppercased(), sector: ResponseSector.named(body.sector)!.code,
            name: body.name.trimmed)
        try await Audit.create(type, by: user.actor, on: db)
        return type
    }

    static func rename(_ type: ActivityType, with body: ActivityTypeBody, by user: UserContext, on db: any Database)
        async throws
    {
        try HavenError.check(ActivityTypeRules.check(body, existing: type, takenCodes: []))
        let before = type.auditFields
        type.name = body.name.trimmed
        try await Audit.update(type, before: before, by: user.actor, on: db)
    }
}

/// `/api/v1/activity-types`: the activity catalogue; coordinators adapt it.
struct ActivityCatalogueAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let types = routes.grouped("activity-types")
        types.get(use: list)
        types.post(use: create)
        types.get(":id", use: show)
        types.put(":id", use: update)
        types.archiveAndRestore(":id", use: setArchived)
    }

    func list(req: Request) async throws -> Page<ActivityTypeBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = ActivityType.query(on: req.db)
        if req.query["archived"] == "true" {
            query.archived()
        } else {
            query.live()
        }
        if let sector = (req.query["sector"] as String?).nonEmpty { query.filter(\.$sector == sector) }
        let (types, total) = try await query.sort(\.$sector).sort(\.$code).fetchPage(page)
        return Page(items: types.map(ActivityTypeBody.init), total: total, request: page)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let type = try await ActivityCatalogue.add(try req.content.decode(ActivityTypeBody.self), by: user, on: req.db)
        return try await ActivityTypeBody(type).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> ActivityTypeBody {
        try req.authorize(.readOperationalData)
        return ActivityTypeBody(try await req.find(ActivityType.self, named: "Activity"))
    }

    func update(req: Request) async throws -> ActivityTypeBody {
        let user = try req.authorize(.editCatalogue)
        let type = try await req.find(ActivityType.self, named: "Activity")
        try await ActivityCatalogue.rename(
            type, with: try req.content.decode(ActivityTypeBody.self), by: user, on: req.db)
        return ActivityTypeBody(type)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> ActivityTypeBody {
        let user = try req.authorize(.editCatalogue)
        let type = try await req.find(ActivityType.self, named: "Activity")
        try await Audit.setArchived(archived, type, by: user.actor, on: req.db)
        return ActivityTypeBody(type)
    }
}
