import Fluent
import Vapor

/// A one-time link an administrator issues so that someone sets their own password (a new account, a forgotten
/// password): only a hash of its token is kept, it lasts `lifetime`, and it works once. Issuing a new one ends
/// the account's earlier links.
final class PasswordReset: Model, @unchecked Sendable {
    static let schema = "password_resets"
    static let lifetime: TimeInterval = 72 * 3600

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    /// A new link for `user`: the token (shown or sent once, never stored) and when it ends.
    static func issue(for user: User, by actor: Actor, on db: any Database, now: Date = Date()) async throws
        -> (token: String, expiresAt: Date)
    {
        let token = [UInt8].random(count: 32).base64URLEncoded
        let userID = try user.requireID()
        let expiresAt = now.addingTimeInterval(lifetime)
        try await db.write { tx in
            try await PasswordReset.query(on: tx).filter(\.$user.$id == userID).filter(\.$usedAt == nil)
                .set(\.$usedAt, to: now).update()
            try await PasswordReset(userID: userID, tokenHash: Login.hashToken(token), expiresAt: expiresAt)
                .create(on: tx)
            try await Audit.record(
                .update, user, changes: [.init(field: "password", before: nil, after: "reset link issued")],
                by: actor, on: tx)
        }
        return (token, expiresAt)
    }

    /// The live link a token opens, if any: for the page that asks for the new password.
    static func open(_ token: String, on db: any Database, now: Date = Date()) async throws -> (PasswordReset, User)? {
        guard token.utf8.count <= 100,
            let reset = try await PasswordReset.query(on: db).filter(\.$tokenHash == Login.hashToken(token))
                .filter(\.$usedAt == nil).filter(\.$expiresAt > now).first(),
            let user = try await User.find(reset.$user.id, on: db), user.archivedAt == nil
        else { return nil }
        return (reset, user)
    }

    struct Choice: Content {
        var newPassword: String
        var confirmation: String
    }

    static func rules(_ choice: Choice) -> [FieldError] {
        var errors: [FieldError] = []
        let bounds = Accounts.minimumPasswordLength...Accounts.maximumPasswordLength
        if !bounds.contains(choice.newPassword.count) {
            errors.append(FieldError("newPassword", "must be \(bounds.lowerBound) to \(bounds.upperBound) characters"))
        }
        if choice.confirmation != choice.newPassword {
            errors.append(FieldError("confirmation", "is not the same as the new password"))
        }
        return errors
    }

    /// Sets the password the link's owner chose. The link is spent by a conditional update inside the
    /// transaction, so of two uses at once one sets the password and the other is refused (409); every
    /// session and token of the account ends.
    static func use(
        _ token: String, _ choice: Choice, hasher: AsyncPasswordHasher, on db: any Database, now: Date = Date()
    )
        async throws -> User
    {
        try HavenError.check(rules(choice))
        guard let (_, user) = try await open(token, on: db, now: now) else {
            throw HavenError.conflict("This link has been used or has expired; ask an administrator for a new one.")
        }
        let hash = try await hasher.hash(choice.newPassword)
        try await db.write { tx in
            let spent = try await tx.sql.raw(
                """
                UPDATE password_resets SET used_at = \(bind: now)
                WHERE token_hash = \(bind: Login.hashToken(token)) AND used_at IS NULL AND expires_at > \(bind: now)
                RETURNING id
                """
            ).all()
            guard spent.count == 1 else {
                throw HavenError.conflict("This link has been used or has expired; ask an administrator for a new one.")
            }
            user.passwordHash = hash
            try await user.update(on: tx)
            try await Audit.record(
                .update, user, changes: [.init(field: "password", before: nil, after: "set through a reset link")],
                by: Actor(userID: user.id, label: user.email + " (reset link)"), on: tx)
            try await UserSession.query(on: tx).filter(\.$user.$id == user.requireID()).delete()
        }
        return user
    }
}

struct CreatePasswordResets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordReset.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordReset.schema).delete()
    }
}
