import Fluent
import FluentSQL
import Foundation
import SQLKit

/// Finding areas by P-code or id, and everything inside an area.
enum AdminAreaLookup {
    /// The area named by id, P-code or name as people type them (any case); a name that several areas
    /// share is refused with their P-codes, so that the person can pick one.
    static func find(_ key: String, field: String = "adminArea", on db: any Database) async throws -> AdminArea? {
        let key = key.trimmed
        if let id = UUID(uuidString: key) { return try await AdminArea.find(id, on: db) }
        if let area = try await AdminArea.query(on: db).filter(\.$pcode == key.uppercased()).first() { return area }
        let lowered: SQLQueryString = "lower(name) = \(bind: key.lowercased())"
        let named = try await AdminArea.query(on: db).filter(.sql(lowered)).sort(\.$pcode).range(..<6).all()
        guard named.count > 1 else { return named.first }
        throw HavenError.invalid([
            FieldError(
                field,
                "several areas are called '\(key.prefix(40))': \(named.prefix(5).map { "\($0.pcode) (\($0.name))" }.joined(separator: ", ")); give the P-code"
            )
        ])
    }

    /// A list filter's SQL condition that `column` (an area id) is the area named by `key` or inside it: P-codes
    /// nest (a child's starts with its parent's), so one prefix match finds every level below. An unknown area
    /// is refused on `field`.
    static func within(_ key: String, column: String, field: String, on db: any Database) async throws
        -> SQLQueryString
    {
        guard let area = try await find(key, field: field, on: db) else {
            throw HavenError.invalid([FieldError(field, "'\(key.prefix(40))' is not a known area name, P-code or id")])
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
