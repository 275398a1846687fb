import Fluent
import Foundation
import SQLKit

/// Finding areas by P-code or id, and everything inside an area.
enum AdminAreaLookup {
    static func find(_ key: String, on db: any Database) async throws -> AdminArea? {
        if let id = UUID(uuidString: key) { return try await AdminArea.find(id, on: db) }
        return try await AdminArea.query(on: db).filter(\.$pcode == key.trimmed.uppercased()).first()
    }

    /// A list filter's SQL condition that `column` (an area id) is the area named by `key` or inside it: P-codes
    /// nest (a child's starts with its parent's), so one prefix match finds every level below. An unknown area
    /// is refused on `field`.
    static func within(_ key: String, column: String, field: String, on db: any Database) async throws
        -> SQLQueryString
    {
        guard let area = try await find(key, on: db) else {
            throw HavenError.invalid([FieldError(field, "'\(key.prefix(40))' is not a known P-code or area id")])
        }
        return """
            \(unsafeRaw: column) IN \
            (SELECT id FROM admin_areas WHERE pcode LIKE \(bind: LikePattern.startingWith(area.pcode)) ESCAPE '!')
            """
    }

    /// The area with its parents, country first.
    static func lineage(of area: AdminArea, on db: any Database) async throws -> [AdminArea] {
        var chain = [area]
        while let parentID = chain[0].$parent.id, let parent = try await AdminArea.find(parentID, on: db) {
            chain.insert(parent, at: 0)
        }
        return chain
    }
}
