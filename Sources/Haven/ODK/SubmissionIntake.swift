import Crypto
import Fluent
import Foundation
import SQLKit

/// Receives one ODK submission, from OpenRosa or the Central API alike: checked, scored and stored once.
enum SubmissionIntake {
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
        let submission = try SubmissionXML.parse(xml, catalogue: catalogue.indicators)
        let hash = SHA256.hash(data: xml).map { String(format: "%02x", $0) }.joined()
        if let earlier = try await earlierSubmission(submission.instanceID, on: db) {
            return try await resent(earlier, submission.instanceID, hash: hash, on: db)
        }
        guard let site = try await RoundSite.find(code: submission.siteCode, on: db) else {
            throw HavenError.invalid([FieldError("site", "'\(submission.siteCode)' is not the code of a site in Haven")]
            )
        }
        guard Permission.recordMonitoring(site.scope).isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) does not allow you to record monitoring rounds for \(site.code).")
        }
        do {
            return .created(
                try await RoundRegister.record(
                    submission.input, for: site, catalogue: catalogue, source: .odk,
                    submission: .init(instanceID: submission.instanceID, hash: hash),
                    by: user.actor, on: db, writer: writer))
        } catch {
            // The same instance sent twice at once: the database kept the first; answer the second as a resend.
            guard let earlier = try await earlierSubmission(submission.instanceID, on: db) else { throw error }
            return try await resent(earlier, submission.instanceID, hash: hash, on: db)
        }
    }

    private static func resent(_ earlier: Earlier, _ instanceID: String, hash: String, on db: any Database) async throws
        -> Outcome
    {
        guard earlier.submissionHash == hash else {
            throw HavenError.conflict(
                "A different submission with instance ID \(instanceID) was already received; edits are not accepted this way."
            )
        }
        return .duplicate(
            try await MonitoringRound.find(earlier.id, on: db) ?? { throw HavenError.notFound("Round") }())
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

extension UUID {
    /// ODK Central identifies actors by small integers; Haven's ids become one, stable and positive.
    var odkActorID: Int {
        let bytes = uuid
        return Int(bytes.0 & 0x7f) << 24 | Int(bytes.1) << 16 | Int(bytes.2) << 8 | Int(bytes.3)
    }
}
