import Fluent
import Foundation

/// A person with an account.
final class User: Model, Audited, @unchecked Sendable {
    static let schema = "users"
    static let auditEntity = "user"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: Role
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    /// A designated focal point for sensitive feedback (exploitation and abuse, safeguarding, GBV, fraud, security).
    @Field(key: "feedback_focal_point") var feedbackFocalPoint: Bool
    /// The language the person reads Haven in (`fr`, `ar` …); empty for the operation's first language.
    @Field(key: "language") var language: String
    @Siblings(through: UserSite.self, from: \.$user, to: \.$site) var sites: [Site]
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, name: String, passwordHash: String, role: Role, organisationID: UUID?) {
        self.id = id
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.$organisation.id = organisationID
        self.feedbackFocalPoint = false
        self.language = ""
    }

    var auditLabel: String { email }

    /// The password hash never enters the trail; that it changed is recorded as a field without values.
    var auditFields: [String: String] {
        [
            "email": email, "name": name, "role": role.rawValue, "organisation": $organisation.id.auditText,
            "feedbackFocalPoint": String(feedbackFocalPoint), "language": language,
        ]
    }
}

/// A site a site manager is responsible for.
final class UserSite: Model, @unchecked Sendable {
    static let schema = "user_sites"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "site_id") var site: Site

    init() {}

    init(userID: UUID, siteID: UUID) {
        self.$user.id = userID
        self.$site.id = siteID
    }
}

/// A login: a browser session or an API token. Only a hash of the token is kept.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    enum Kind: String, Codable, Sendable { case web, api }

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Enum(key: "kind") var kind: Kind
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID, kind: Kind, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.kind = kind
        self.expiresAt = expiresAt
    }
}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .references(Organisation.schema, "id"))
            .field("archived_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(UserSite.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("site_id", .uuid, .required, .references(Site.schema, "id"))
            .unique(on: "user_id", "site_id")
            .create()
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("kind", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).delete()
        try await database.schema(UserSite.schema).delete()
        try await database.schema(User.schema).delete()
    }
}

/// Accounts gain the mark of a focal point for sensitive feedback; nobody has it until an administrator gives it.
struct AddFeedbackFocalPoint: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("feedback_focal_point", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("feedback_focal_point").update()
    }
}

/// The language each person reads Haven in.
struct AddUserLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("language", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("language").update()
    }
}
