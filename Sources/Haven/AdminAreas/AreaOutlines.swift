import Fluent
import Foundation
import SQLKit

/// The imported outlines of areas, for the maps.
enum AreaOutlines {
    /// Outlines of the areas at the given levels whose P-code starts with `prefix`, the upper levels first.
    static func load(levels: [Int], within prefix: String, on db: any Database) async throws -> [(
        pcode: String, outline: Outline
    )] {
        struct Row: Decodable {
            var outline: String
            var pcode: String
        }
        let rows = try await db.sql.raw(
            """
            SELECT b.outline AS outline, a.pcode AS pcode FROM area_boundaries b JOIN admin_areas a ON a.id = b.area_id
            WHERE b.archived_at IS NULL AND a.archived_at IS NULL AND a.level IN (\(binds: levels))
            AND a.pcode LIKE \(bind: prefix + "%") ORDER BY a.level
            """
        ).all(decoding: Row.self)
        // LIKE treats _ as a wildcard, so the prefix is checked again.
        return rows.filter { $0.pcode.hasPrefix(prefix) }.compactMap { row in
            (try? JSONDecoder().decode(Outline.self, from: Data(row.outline.utf8))).map { (row.pcode, $0) }
        }
    }
}
