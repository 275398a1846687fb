import Crypto
import Fluent
import Foundation

/// The drawn outline of an administrative area, imported from a GeoJSON of boundaries (COD-AB).
/// Kept apart from the area so that lists of areas never carry geometry.
final class AreaBoundary: Model, Audited, @unchecked Sendable {
    static let schema = "area_boundaries"
    static let auditEntity = "area boundary"

    @ID(key: .id) var id: UUID?
    @Parent(key: "area_id") var area: AdminArea
    @Field(key: "pcode") var pcode: String
    /// The simplified outline as JSON.
    @Field(key: "outline") var outlineJSON: String
    @Field(key: "point_count") var pointCount: Int
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    init(areaID: UUID, pcode: String, outline: Outline) throws {
        $area.id = areaID
        self.pcode = pcode
        try set(outline)
    }

    func set(_ outline: Outline) throws {
        outlineJSON = String(decoding: try JSONEncoder.sorted.encode(outline), as: UTF8.self)
        pointCount = outline.pointCount
    }

    var outline: Outline {
        (try? JSONDecoder().decode(Outline.self, from: Data(outlineJSON.utf8))) ?? Outline(rings: [])
    }

    var auditLabel: String { pcode }

    /// The trail says how much of the outline there is, not every coordinate.
    var auditFields: [String: String] {
        let fingerprint = SHA256.hash(data: Data(outlineJSON.utf8)).prefix(6).map { String(format: "%02x", $0) }
            .joined()
        return ["area": pcode, "outline": "\(outline.rings.count) rings, \(pointCount) points (\(fingerprint))"]
    }
}

struct CreateAreaBoundaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AreaBoundary.schema)
            .id()
            .field("area_id", .uuid, .required, .references(AdminArea.schema, "id"))
            .field("pcode", .string, .required)
            .field("outline", .string, .required)
            .field("point_count", .int, .required)
            .field("archived_at", .datetime)
            .unique(on: "area_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AreaBoundary.schema).delete()
    }
}
