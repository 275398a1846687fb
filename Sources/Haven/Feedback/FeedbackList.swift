import Fluent
import Foundation

/// A page of the feedback items a person may list, with the codes of their sites.
struct FeedbackList: Sendable {
    var items: [FeedbackItem]
    var total: Int
    var siteCodes: [UUID: String]

    static func load(_ filter: FeedbackFilter, _ page: PageRequest, on db: any Database) async throws -> FeedbackList {
        let (items, total) = try await filter.page(page, on: db)
        let ids = Array(Set(items.map { $0.$site.id }))
        let sites =
            ids.isEmpty ? [] : try await Site.query(on: db).filter(\.$id ~~ ids).field(\.$id).field(\.$code).all()
        return FeedbackList(
            items: items, total: total,
            siteCodes: Dictionary(
                sites.compactMap { site in site.id.map { ($0, site.code) } }, uniquingKeysWith: { a, _ in a }))
    }
}
