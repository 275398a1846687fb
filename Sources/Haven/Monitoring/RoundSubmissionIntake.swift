import Fluent
import Foundation
import SQLKit

/// Receives one ODK submission, from OpenRosa or the Central API alike: checked, scored and stored once.
enum RoundSubmissionIntake {
    enum Outcome {
        case created(MonitoringRound)
        /// The same instance, byte for byte, was already received: acknowledged again, stored once.
        case duplicate(MonitoringRound)

        var round: MonitoringRound {
            switch self {
            case .created(let round), .duplicate(let round): round
            }
        }
    }

    static func receive(_ xml: Data, from user: UserContext, on db: any Database, writer: RoundWriter) async throws
        -> Outcome
    {
        let catalogue = try await Catalogue.current(on: db)
        let submission = try RoundSubmission.parse(xml, catalogue: catalogue.indicators)
        let hash = ODKResend.hash(xml)
        let (round, duplicate) = try await ODKResend.once(
            submission.instanceID, hash: hash, earlier: { try await earlier(submission.instanceID, on: db) }
        ) {
            guard let site = try await RoundSite.find(code: submission.siteCode, on: db) else {
                throw HavenError.invalid([
                    FieldError("site", "'\(submission.siteCode)' is not the code of a site in Haven")
                ])
            }
            guard Permission.recordMonitoring(site.scope).isGranted(to: user) else {
                throw HavenError.forbidden(
                    "Your role (\(user.role.label)) does not allow you to record monitoring rounds for \(site.code).")
            }
            return try await RoundRegister.record(
                submission.input, for: site, catalogue: catalogue, source: .odk,
                submission: .init(instanceID: submission.instanceID, hash: hash),
                by: user.actor, on: db, writer: writer)
        }
        return duplicate ? .duplicate(round) : .created(round)
    }

    /// The round received under this instance ID, read whole only when there is one: most submissions are new.
    static func earlier(_ instanceID: String, on db: any Database) async throws
        -> (record: MonitoringRound, hash: String?)?
    {
        guard let earlier = try await earlierSubmission(instanceID, on: db) else { return nil }
        guard let round = try await MonitoringRound.find(earlier.id, on: db) else { throw HavenError.notFound("Round") }
        return (round, earlier.submissionHash)
    }

    private struct Earlier: Decodable {
        var id: UUID
        var submissionHash: String?
    }

    private static func earlierSubmission(_ instanceID: String, on db: any Database) async throws -> Earlier? {
        try await db.sql.select().column("id").column(
            SQLAlias(SQLIdentifier("submission_hash"), as: SQLIdentifier("submissionHash"))
        ).from(MonitoringRound.schema)
            .where("instance_id", .equal, instanceID).first(decoding: Earlier.self)
    }
}
