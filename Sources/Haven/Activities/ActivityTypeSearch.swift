import Fluent
import SQLKit

/// Activities of the 5W catalogue by code or name, each leading to the 5W lines that report it.
enum ActivityTypeSearch: SearchSource {
    static let heading = "5W activities"
    static let key = "activities"
    static let columns = ["code", "name"]

    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
    {
        struct Row: Decodable {
            var code: String
            var name: String
            var sector: String
        }
        let match = FullTextIndex.matching(words, table: ActivityType.schema, alias: "t", columns: columns, on: db)
        return try await db.sql.raw(
            """
            SELECT t.code, t.name, t.sector FROM activity_types t WHERE t.archived_at IS NULL AND \(match)
            ORDER BY t.sector, t.code LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map {
            SearchResult(
                title: $0.name, detail: "\($0.code) · \($0.sector)",
                link: Paths.with(Paths.activities, ["activity": $0.code]))
        }
    }
}
