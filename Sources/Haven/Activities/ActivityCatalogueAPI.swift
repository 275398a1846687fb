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
