import Fluent
import SQLKit

/// Administrative areas by P-code or name, the highest level first.
enum AreaSearch: SearchSource {
    static let heading = "Areas"
    static let key = "areas"
    static let columns = ["pcode", "name"]

    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
    {
        struct Row: Decodable {
            var pcode: String
            var name: String
            var level: Int
        }
        let match = FullTextIndex.matching(words, table: AdminArea.schema, alias: "a", columns: columns, on: db)
        return try await db.sql.raw(
            """
            SELECT a.pcode, a.name, a.level FROM admin_areas a WHERE a.archived_at IS NULL AND \(match)
            ORDER BY a.level, a.name LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map {
            SearchResult(
                title: $0.name, detail: "\($0.pcode) · admin \($0.level)", link: Paths.adminArea.link($0.pcode))
        }
    }
}
