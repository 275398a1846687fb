import Fluent
import Vapor

/// Who may open and handle a feedback item: the pages and the API ask the same question.
enum FeedbackAccess {
    /// The item, if this person may handle it; to anyone else it does not exist.
    static func handled(_ req: Request) async throws -> (UserContext, FeedbackItem) {
        let user = try req.requireUser()
        let item = try await req.find(FeedbackItem.self, named: "Feedback")
        let site = try await Site.find(item.$site.id, on: req.db)
        guard Permission.handleFeedback(item.scope(managedBy: site?.$managementAgency.id)).isGranted(to: user) else {
            throw HavenError.notFound("Feedback")
        }
        return (user, item)
    }
}
