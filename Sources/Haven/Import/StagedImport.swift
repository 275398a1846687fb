import Fluent
import Foundation
import SQLKit

/// An uploaded file waiting for the person to confirm its preview; kept in the database so a restart loses nothing.
final class StagedImport: Model, @unchecked Sendable {
    static let schema = "staged_imports"

    @ID(key: .id) var id: UUID?
    @Enum(key: "kind") var kind: ImportKind
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: String
    @Field(key: "user_id") var userID: UUID
    @OptionalField(key: "committed_at") var committedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(kind: ImportKind, fileName: String, content: String, userID: UUID) {
        self.kind = kind
        self.fileName = fileName
        self.content = content
        self.userID = userID
    }

    /// Marks a staged file imported when no one has yet: true for the one caller that did. A conditional
    /// update, so two confirmations at once (two tabs, two instances) cannot both pass.
    static func claim(_ id: UUID, at moment: Date, on db: any Database) async throws -> Bool {
        let claimed = try await db.sql.raw(
            """
            UPDATE \(ident: schema) SET committed_at = \(bind: moment) WHERE id = \(bind: id) AND committed_at IS NULL RETURNING id
            """
        ).all()
        return !claimed.isEmpty
    }
}

struct CreateStagedImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StagedImport.schema)
            .id()
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("content", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("committed_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StagedImport.schema).delete()
    }
}
