import Fluent
import Foundation

/// Feedback sent from ODK Collect or KoboCollect: checked like any other intake, stored once however often the
/// phone sends it (its instance ID is kept; a resend is acknowledged without a second item).
enum FeedbackSubmissionIntake {
    static func receive(
        _ submission: ODKSubmission, from user: UserContext, cipher: FeedbackCipher, on db: any Database
    )
        async throws -> (item: FeedbackItem, duplicate: Bool)
    {
        let parsed = try FeedbackSubmission.parse(submission)
        if let earlier = try await earlier(parsed.instanceID, on: db) { return (earlier, true) }
        guard let site = try await Site.named(parsed.siteCode, on: db) else {
            throw HavenError.invalid([FieldError("site", "'\(parsed.siteCode)' is not the code of a site in Haven")])
        }
        guard Permission.recordFeedback(site.scope).isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) does not allow you to record feedback for \(site.code).")
        }
        var input = parsed.input
        input.siteId = try site.requireID()
        do {
            return (
                try await FeedbackRegister.record(
                    input, at: site, by: user.actor, cipher: cipher, on: db, instanceID: parsed.instanceID), false
            )
        } catch {
            // The same instance sent twice at once: the database kept the first; answer the second as a resend.
            guard let earlier = try await earlier(parsed.instanceID, on: db) else { throw error }
            return (earlier, true)
        }
    }

    private static func earlier(_ instanceID: String, on db: any Database) async throws -> FeedbackItem? {
        try await FeedbackItem.query(on: db).filter(\.$instanceID == instanceID).first()
    }
}

/// Feedback items remember the ODK instance they came from, once each.
struct AddFeedbackSubmissions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackItem.schema).field("instance_id", .string).update()
        try await database.createIndex("feedback_instance", on: FeedbackItem.schema, "instance_id", unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX \(ident: "feedback_instance")").run()
        try await database.schema(FeedbackItem.schema).deleteField("instance_id").update()
    }
}
