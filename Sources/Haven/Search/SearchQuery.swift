import Fluent
import Vapor

/// The search box's question put to every source, for the page and the API alike.
struct SearchQuery: Sendable {
    struct Group: Content, Equatable, Sendable {
        var key: String
        var heading: String
        var results: [SearchResult]
    }

    /// What was typed, kept to the bound every text field has.
    var text: String
    var words: SearchWords

    static let limit = 20

    init(_ req: Request) {
        text = String(((req.query["q"] as String?) ?? "").trimmed.prefix(200))
        words = SearchWords(text)
    }

    /// Each source's results, in the sources' order; sources with none are left out.
    func groups(for user: UserContext, sources: [any SearchSource.Type], on db: any Database) async throws -> [Group] {
        guard !words.isEmpty else { return [] }
        var groups: [Group] = []
        for source in sources {
            let results = try await source.find(words, for: user, limit: Self.limit, on: db)
            if !results.isEmpty { groups.append(Group(key: source.key, heading: source.heading, results: results)) }
        }
        return groups
    }
}
