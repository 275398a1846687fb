import Fluent
import Foundation
import SQLKit

/// Organisations by name or acronym, each leading to its 5W lines.
enum OrganisationSearch: SearchSource {
    static let heading = "Organisations"
    static let key = "organisations"
    static let columns = ["name", "acronym"]

    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
    {
        struct Row: Decodable {
            var id: UUID
            var name: String
            var acronym: String
            var kind: Organisation.Kind
        }
        let match = FullTextIndex.matching(words, table: Organisation.schema, alias: "o", columns: columns, on: db)
        return try await db.sql.raw(
            """
            SELECT o.id, o.name, o.acronym, o.type AS kind FROM organisations o WHERE \(match)
            ORDER BY o.name LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map {
            SearchResult(
                title: $0.name, detail: [$0.acronym, $0.kind.label].filter { !$0.isEmpty }.joined(separator: " · "),
                link: Paths.with(Paths.activities, ["organisation": $0.id.uuidString]))
        }
    }
}
