import Fluent
import Foundation

/// Feedback sent from ODK Collect or KoboCollect: checked like any other intake, stored once however often the
/// phone sends it (`ODKResend`: its instance ID and fingerprint are kept).
enum FeedbackSubmissionIntake {
    static func receive(
        _ submission: ODKSubmission, xml: Data, from user: UserContext, cipher: FeedbackCipher, on db: any Database
    ) async throws -> (item: FeedbackItem, duplicate: Bool) {
        let parsed = try FeedbackSubmission.parse(submission)
        let hash = ODKResend.hash(xml)
        let (item, duplicate) = try await ODKResend.once(
            parsed.instanceID, hash: hash, earlier: { try await earlier(parsed.instanceID, on: db) }
        ) {
            guard let site = try await Site.named(parsed.siteCode, on: db) else {
                throw HavenError.invalid([FieldError("site", "'\(parsed.siteCode)' is not the code of a site in Haven")]
                )
            }
            guard Permission.recordFeedback(site.scope).isGranted(to: user) else {
                throw HavenError.forbidden(
                    "Your role (\(user.role.label)) does not allow you to record feedback for \(site.code).")
            }
            var input = parsed.input
            input.siteId = try site.requireID()
            return try await FeedbackRegister.record(
                input, at: site, by: user.actor, cipher: cipher, on: db,
                submission: (parsed.instanceID, hash))
        }
        return (item, duplicate)
    }

    static func earlier(_ instanceID: String, on db: any Database) async throws -> (
        record: FeedbackItem, hash: String?
    )? {
        try await FeedbackItem.query(on: db).filter(\.$instanceID == instanceID).first().map { ($0, $0.submissionHash) }
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

/// Feedback items keep the fingerprint of their ODK submission, so that a changed resend is refused as rounds' are.
struct AddFeedbackSubmissionHashes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackItem.schema).field("submission_hash", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackItem.schema).deleteField("submission_hash").update()
    }
}
