import Fluent
import Foundation
import SQLKit

/// Sites by code, name or other names: the live ones, a site whose code was typed in full first.
enum SiteSearch: SearchSource {
    static let heading = "Sites"
    static let key = "sites"
    static let columns = ["code", "name", "other_names"]

    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
    {
        struct Row: Decodable {
            var id: UUID
            var code: String
            var name: String
            var status: SiteStatus
            var area: String
        }
        let match = FullTextIndex.matching(words, table: Site.schema, alias: "s", columns: columns, on: db)
        return try await db.sql.raw(
            """
            SELECT s.id, s.code, s.name, s.status, a.name AS area FROM sites s JOIN admin_areas a ON a.id = s.admin_area_id
            WHERE s.archived_at IS NULL AND \(match)
            ORDER BY CASE WHEN lower(s.code) = \(bind: words.words.joined(separator: "_")) THEN 0 ELSE 1 END, s.name, s.code
            LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map {
            SearchResult(
                title: $0.name, detail: "\($0.code) · \($0.status.label) · \($0.area)", link: Paths.site.link($0.id))
        }
    }
}
