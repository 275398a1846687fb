import Fluent
import Foundation

/// A record whose every change is written to the audit trail.
protocol Audited: Model where IDValue == UUID {
    static var auditEntity: String { get }
    /// How a person recognises the record in the trail (a code, a name, an e-mail).
    var auditLabel: String { get }
    /// Each field a person can change, as the text the audit trail shows.
    var auditFields: [String: String] { get }
    var archivedAt: Date? { get set }
}

enum Audit {
    /// The fields that differ between two snapshots, in a stable order.
    static func changes(before: [String: String], after: [String: String]) -> [AuditEvent.Change] {
        Set(before.keys).union(after.keys).sorted().compactMap { field in
            let old = before[field].flatMap { $0.isEmpty ? nil : $0 }
            let new = after[field].flatMap { $0.isEmpty ? nil : $0 }
            return old == new ? nil : AuditEvent.Change(field: field, before: old, after: new)
        }
    }

    static func create<M: Audited>(_ model: M, by actor: Actor, on db: any Database) async throws {
        try await db.write { tx in
            try await model.create(on: tx)
            try await record(.create, model, changes: changes(before: [:], after: model.auditFields), by: actor, on: tx)
        }
    }

    /// Saves the model and records what changed since `before`; a save that changes nothing writes nothing.
    @discardableResult
    static func update<M: Audited>(_ model: M, before: [String: String], by actor: Actor, on db: any Database)
        async throws -> Bool
    {
        let diff = changes(before: before, after: model.auditFields)
        guard !diff.isEmpty else { return false }
        try await db.write { tx in
            try await model.update(on: tx)
            try await record(.update, model, changes: diff, by: actor, on: tx)
        }
        return true
    }

    static func archive<M: Audited>(_ model: M, by actor: Actor, on db: any Database) async throws {
        guard model.archivedAt == nil else { return }
        model.archivedAt = Date()
        try await db.write { tx in
            try await model.update(on: tx)
            try await record(.archive, model, changes: [], by: actor, on: tx)
        }
    }

    static func restore<M: Audited>(_ model: M, by actor: Actor, on db: any Database) async throws {
        guard model.archivedAt != nil else { return }
        model.archivedAt = nil
        try await db.write { tx in
            try await model.update(on: tx)
            try await record(.restore, model, changes: [], by: actor, on: tx)
        }
    }

    static func setArchived<M: Audited>(_ archived: Bool, _ model: M, by actor: Actor, on db: any Database) async throws
    {
        if archived { try await archive(model, by: actor, on: db) } else { try await restore(model, by: actor, on: db) }
    }

    /// The creation event of a record written in bulk (seed data, the demo), for inserting beside it.
    static func creation<M: Audited>(of model: M, by actor: Actor) -> AuditEvent {
        AuditEvent(
            actor: actor, entity: M.auditEntity, entityID: model.id!, entityLabel: model.auditLabel, action: .create,
            changes: changes(before: [:], after: model.auditFields))
    }

    static func record<M: Audited>(
        _ action: AuditEvent.Action, _ model: M, changes: [AuditEvent.Change], by actor: Actor, on db: any Database
    ) async throws {
        try await AuditEvent.insert(
            [
                AuditEvent(
                    actor: actor, entity: M.auditEntity, entityID: model.requireID(),
                    entityLabel: model.auditLabel, action: action, changes: changes)
            ], on: db)
    }
}

extension Optional {
    /// The value as the audit trail shows it; nothing shows as empty.
    var auditText: String {
        switch self {
        case .none: ""
        case .some(let value): "\(value)"
        }
    }
}
