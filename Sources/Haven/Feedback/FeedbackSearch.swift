import Fluent
import Foundation
import SQLKit

/// A complaint or feedback item by its reference (`FB-7KQ2M-XR4PA`, with or without `FB-`), for those who may
/// list it: the same rule as the feedback list, so a sealed case stays out of sight of anyone but its focal
/// points. References are exact keys, not words: nothing is found from part of one.
enum FeedbackSearch: SearchSource {
    static let heading = "Complaints and feedback"
    static let key = "feedback"

    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
    {
        guard user.role != .viewer, let reference = reference(words) else { return [] }
        struct Row: Decodable {
            var id: UUID
            var reference: String
            var status: FeedbackStatus
            var code: String
            var sector: String
        }
        let visible = FeedbackFilter(user: user).conditions(item: "f")
        return try await db.sql.raw(
            """
            SELECT f.id, f.reference, f.status, s.code, f.sector FROM feedback f JOIN sites s ON s.id = f.site_id
            WHERE f.reference = \(bind: reference) AND \(visible) LIMIT 1
            """
        ).all(decoding: Row.self).map {
            SearchResult(
                title: $0.reference, detail: "\($0.status.label) · \($0.code) · \($0.sector)",
                link: Paths.complaint.link($0.id))
        }
    }

    /// The reference the words spell, if they spell one.
    static func reference(_ words: SearchWords) -> String? {
        let parts = words.words.first == "fb" ? Array(words.words.dropFirst()) : words.words
        guard parts.count == 2, parts.allSatisfy({ $0.count == 5 }) else { return nil }
        return "FB-" + parts.joined(separator: "-").uppercased()
    }
}
