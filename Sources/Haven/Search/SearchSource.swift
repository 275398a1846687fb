import Fluent
import Vapor

/// One thing the search box finds, as the results page and the API show it.
struct SearchResult: Content, Equatable, Sendable {
    var title: String
    /// What tells it apart: a code, a place, a type.
    var detail: String
    var link: String
}

/// A capability's records the search box finds (sites, areas, organisations …): each capability answers for its
/// own, with its own index and its own rule of who may see what, and is listed once in `App/SearchSources.swift`.
protocol SearchSource {
    /// The results' heading, and their key in the API's answer.
    static var heading: String { get }
    static var key: String { get }
    /// At most `limit` records holding every word, best first; none for someone who may not see them.
    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
}
