import Fluent
import Foundation

/// An administrative area of the gazetteer (COD-AB), identified by its P-code.
final class AdminArea: Model, Audited, @unchecked Sendable {
    static let schema = "admin_areas"
    static let auditEntity = "admin area"

    @ID(key: .id) var id: UUID?
    @Field(key: "pcode") var pcode: String
    @Field(key: "name") var name: String
    @Field(key: "level") var level: Int
    @OptionalParent(key: "parent_id") var parent: AdminArea?
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    init(id: UUID? = nil, pcode: String, name: String, level: Int, parentID: UUID?) {
        self.id = id
        self.pcode = pcode
        self.name = name
        self.level = level
        self.$parent.id = parentID
    }

    var auditLabel: String { "\(pcode) \(name)" }

    var auditFields: [String: String] {
        ["pcode": pcode, "name": name, "level": String(level), "parent": $parent.id.auditText]
    }
}

struct CreateAdminAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AdminArea.schema)
            .id()
            .field("pcode", .string, .required)
            .field("name", .string, .required)
            .field("level", .int, .required)
            .field("parent_id", .uuid, .references(AdminArea.schema, "id"))
            .field("archived_at", .datetime)
            .unique(on: "pcode")
            .create()
        try await database.createIndex("admin_areas_parent", on: AdminArea.schema, "parent_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AdminArea.schema).delete()
    }
}
