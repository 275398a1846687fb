import Fluent
import Foundation
import SQLKit

/// One change to one record: who, when, what, and every changed field before and after.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    enum Action: String, Codable, CaseIterable, Sendable {
        /// `view`: someone opened a record whose reading is itself on the record (a sensitive complaint);
        /// `refuse`: a failed login, or something a person's role does not allow.
        case create, update, archive, restore, view, refuse
    }

    struct Change: Codable, Equatable, Sendable {
        var field: String
        var before: String?
        var after: String?
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: UUID
    @Field(key: "entity_label") var entityLabel: String
    @Enum(key: "action") var action: Action
    @Field(key: "changes") var changesJSON: String

    init() {}

    init(
        actor: Actor, entity: String, entityID: UUID, entityLabel: String, action: Action, changes: [Change],
        at: Date = Date()
    ) {
        self.id = UUID()
        self.at = at
        self.actorID = actor.userID
        self.actorLabel = actor.label
        self.entity = entity
        self.entityID = entityID
        self.entityLabel = entityLabel
        self.action = action
        self.changesJSON = Self.json(changes)
    }

    /// Plain SQL rather than Fluent's create: every change in Haven writes one, ODK submissions by the hundred.
    /// Batches stay within PostgreSQL's limit on parameters per statement.
    static func insert(_ events: [AuditEvent], on db: any Database) async throws {
        for start in stride(from: 0, to: events.count, by: 1000) {
            try await insertBatch(events[start..<min(start + 1000, events.count)], on: db)
        }
    }

    private static func insertBatch(_ events: ArraySlice<AuditEvent>, on db: any Database) async throws {
        var insert = db.sql.insert(into: schema)
            .columns("id", "at", "actor_id", "actor_label", "entity", "entity_id", "entity_label", "action", "changes")
        for event in events {
            insert = try insert.values(
                [
                    SQLBind(event.requireID()), SQLBind(event.at), SQLBind(event.actorID), SQLBind(event.actorLabel),
                    SQLBind(event.entity), SQLBind(event.entityID), SQLBind(event.entityLabel),
                    SQLBind(event.action.rawValue), SQLBind(event.changesJSON),
                ] as [any SQLExpression])
        }
        try await insert.run()
    }

    /// Plain strings always encode; the empty list stands in should that ever change.
    static func json(_ changes: [Change]) -> String {
        (try? JSONEncoder().encode(changes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    var changes: [Change] {
        (try? JSONDecoder().decode([Change].self, from: Data(changesJSON.utf8))) ?? []
    }
}

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("entity_label", .string, .required)
            .field("action", .string, .required)
            .field("changes", .string, .required)
            .create()
        try await database.createIndex("audit_events_entity", on: AuditEvent.schema, "entity_id", "at")
        try await database.createIndex("audit_events_at", on: AuditEvent.schema, "at")
        try await database.createIndex("audit_events_actor", on: AuditEvent.schema, "actor_id", "at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}
