import Crypto
import Fluent
import Foundation

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

    static func receive(_ xml: Data, from user: UserContext, on db: any Database) async throws -> Outcome {
        let catalogue = try await Catalogue.current(on: db)
        let submission = try SubmissionXML.parse(xml, catalogue: catalogue.indicators)
        let hash = SHA256.hash(data: xml).map { String(format: "%02x", $0) }.joined()
        if let earlier = try await MonitoringRound.query(on: db).filter(\.$instanceID == submission.instanceID).first() {
            guard earlier.submissionHash == hash else {
                throw HavenError.conflict("A different submission with instance ID \(submission.instanceID) was already received; edits are not accepted this way.")
            }
            return .duplicate(earlier)
        }
        guard let site = try await Site.query(on: db).filter(\.$code == submission.siteCode).filter(\.$archivedAt == nil).first() else {
            throw HavenError.invalid([FieldError("site", "'\(submission.siteCode)' is not the code of a site in Haven")])
        }
        guard Permission.recordMonitoring(site.scope).isGranted(to: user) else {
            throw HavenError.forbidden("Your role (\(user.role.label)) does not allow you to record monitoring rounds for \(site.code).")
        }
        let round = try await RoundRegister.record(submission.input, for: site, source: .odk,
                                                   submission: .init(instanceID: submission.instanceID, hash: hash), by: user.actor, on: db)
        return .created(round)
    }
}

extension UUID {
    /// ODK Central identifies actors by small integers; Haven's ids become one, stable and positive.
    var odkActorID: Int {
        let bytes = uuid
        return Int(bytes.0 & 0x7f) << 24 | Int(bytes.1) << 16 | Int(bytes.2) << 8 | Int(bytes.3)
    }
}
