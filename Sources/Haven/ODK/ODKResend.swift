import Crypto
import Foundation

/// How every form answers a submission whose instance ID was already received. Phones resend when they did not
/// see the answer: the same bytes are acknowledged again and stored once. Different bytes under a known
/// instance ID would be an edit, which ODK clients cannot make this way: refused with 409.
enum ODKResend {
    /// The fingerprint kept with a submission to recognise it when it comes again.
    static func hash(_ xml: Data) -> String {
        SHA256.hash(data: xml).map { String(format: "%02x", $0) }.joined()
    }

    /// Stores a submission once: the earlier one when there is one (a resend), else what `create` stores. Two
    /// copies sent at the same moment meet at the unique index on the instance ID, and the second is answered
    /// as a resend of the first.
    static func once<Record: Sendable>(
        _ instanceID: String, hash: String, earlier: () async throws -> (record: Record, hash: String?)?,
        create: () async throws -> Record
    ) async throws -> (record: Record, duplicate: Bool) {
        if let found = try await earlier() { return (try resent(found, instanceID, hash: hash), true) }
        do {
            return (try await create(), false)
        } catch {
            guard let found = try await earlier() else { throw error }
            return (try resent(found, instanceID, hash: hash), true)
        }
    }

    /// A submission kept without a fingerprint (before Haven kept them) is taken as the same.
    private static func resent<Record>(_ found: (record: Record, hash: String?), _ instanceID: String, hash: String)
        throws -> Record
    {
        guard found.hash == nil || found.hash == hash else {
            throw HavenError.conflict(
                "A different submission with instance ID \(instanceID) was already received; edits are not accepted this way."
            )
        }
        return found.record
    }
}
