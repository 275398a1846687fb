import Fluent
import Foundation

/// Finding areas by P-code or id, and everything inside an area.
enum AdminAreaLookup {
    static func find(_ key: String, on db: any Database) async throws -> AdminArea? {
        if let id = UUID(uuidString: key) { return try await AdminArea.find(id, on: db) }
        return try await AdminArea.query(on: db).filter(\.$pcode == key.trimmed.uppercased()).first()
    }

    /// The area and all its descendants. P-codes nest (a child's code starts with its parent's),
    /// so one prefix match finds every level below.
    static func descendantIDs(of area: AdminArea, on db: any Database) async throws -> [UUID] {
        // LIKE treats _ as a wildcard, so the prefix is checked again here.
        try await AdminArea.query(on: db).filter(\.$pcode =~ area.pcode).all()
            .filter { $0.pcode.hasPrefix(area.pcode) }.compactMap(\.id)
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
