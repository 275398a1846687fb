import Crypto
import Fluent
import Foundation
import Vapor

/// Refusals go on the audit trail like changes: a failed login, and a signed-in person refused something
/// their role does not allow (opening a sensitive case among them). The trail says who, from where, what
/// was asked and why it was refused; never a password, and an unknown e-mail only as a hash.
enum Refusals {
    static let loginEntity = "login"
    static let permissionEntity = "permission"
    /// The record id of a refused login to an e-mail that has no account.
    static let noAccount = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func failedLogin(email: String, account: User?, address: String, on req: Request) async {
        let who = account?.email ?? "unknown account \(hashed(email))"
        req.logger.notice("Failed login", metadata: ["address": "\(address)", "account": "\(hashed(email))"])
        let event = AuditEvent(
            actor: Actor(userID: nil, label: "address \(address)"), entity: loginEntity,
            entityID: account?.id ?? noAccount, entityLabel: who, action: .refuse,
            changes: [.init(field: "login", before: nil, after: "refused: wrong e-mail or password")])
        await keep(event, on: req)
    }

    static func forbidden(_ user: UserContext, why: String, on req: Request) async {
        let asked = "\(req.method.rawValue) \(req.url.path.prefix(300))"
        let event = AuditEvent(
            actor: user.actor, entity: permissionEntity, entityID: user.id, entityLabel: asked, action: .refuse,
            changes: [.init(field: "refused", before: nil, after: String(why.prefix(300)))])
        await keep(event, on: req)
    }

    /// A refusal is recorded on its own: the request it refuses has written nothing, and a trail that
    /// cannot be written must not turn a 403 into a 500.
    private static func keep(_ event: AuditEvent, on req: Request) async {
        do { try await AuditEvent.insert([event], on: req.db) } catch {
            req.logger.error(
                "A refusal could not be written to the audit trail", metadata: ["entity": "\(event.entity)"])
        }
    }

    /// The first 12 hex digits of SHA-256: enough to see the same unknown e-mail tried again, not to read it.
    static func hashed(_ email: String) -> String {
        SHA256.hash(data: Data(email.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
