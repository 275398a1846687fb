import Fluent
import Vapor

/// An administrative area as the API reads and writes it.
struct AdminAreaBody: Content {
    var id: UUID?
    var pcode: String
    var name: String
    var level: Int
    var parentId: UUID?
    var archived: Bool?

    init(_ area: AdminArea) {
        id = area.id
        pcode = area.pcode
        name = area.name
        level = area.level
        parentId = area.$parent.id
        archived = area.archivedAt != nil
    }
}

/// `/api/v1/admin-areas`: the gazetteer.
struct AdminAreaAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let areas = routes.grouped("admin-areas")
        areas.get(use: list)
        areas.post(use: create)
        areas.get(":id", use: show)
        areas.put(":id", use: update)
        areas.archiveAndRestore(":id", use: setArchived)
    }

    func list(req: Request) async throws -> Page<AdminAreaBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = AdminArea.query(on: req.db).live()
        if let q = (req.query["q"] as String?).nonEmpty {
            query.group(.or) { $0.filter(\.$pcode =~ q.uppercased()).filter(\.$name ~~ q) }
        }
        if let level: Int = req.query["level"] { query.filter(\.$level == level) }
        if let parent = (req.query["parent"] as String?).nonEmpty {
            guard let area = try await AdminAreaLookup.find(parent, field: "parent", on: req.db) else {
                throw HavenError.invalid([
                    FieldError("parent", "'\(parent.prefix(40))' is not a known area name, P-code or id")
                ])
            }
            query.filter(\.$parent.$id == area.id)
        }
        let (areas, total) = try await query.sort(\.$pcode).fetchPage(page)
        return Page(items: areas.map(AdminAreaBody.init), total: total, request: page)
    }

    func show(req: Request) async throws -> AdminAreaBody {
        try req.authorize(.readOperationalData)
        return AdminAreaBody(try await req.find(AdminArea.self, named: "Administrative area"))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.editGazetteer)
        let body = try req.content.decode(AdminAreaBody.self)
        let area = AdminArea()
        try await Gazetteer.apply(body, to: area, on: req.db)
        try await Audit.create(area, by: user.actor, on: req.db)
        return try await AdminAreaBody(area).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> AdminAreaBody {
        let user = try req.authorize(.editGazetteer)
        let area = try await req.find(AdminArea.self, named: "Administrative area")
        let before = area.auditFields
        try await Gazetteer.apply(try req.content.decode(AdminAreaBody.self), to: area, on: req.db)
        try await Audit.update(area, before: before, by: user.actor, on: req.db)
        return AdminAreaBody(area)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> AdminAreaBody {
        let user = try req.authorize(.editGazetteer)
        let area = try await req.find(AdminArea.self, named: "Administrative area")
        try await Audit.setArchived(archived, area, by: user.actor, on: req.db)
        return AdminAreaBody(area)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
