import Fluent
import Foundation
import Vapor

/// Queries over the audit trail: one record's history, or the whole trail filtered for administrators.
enum AuditTrail {
    /// How many changes Haven has seen. Every change writes an event in its own transaction and events are
    /// never deleted, so the same count later means nothing changed in between.
    static func changeCount(on db: any Database) async throws -> Int {
        try await AuditEvent.query(on: db).count()
    }

    struct Filter: Sendable {
        var entity: String?
        var entityID: UUID?
        var actor: String?
        var action: AuditEvent.Action?
        var from: CalendarDay?
        var to: CalendarDay?

        init() {}

        init(_ req: Request) throws {
            var errors: [FieldError] = []
            entity = (req.query["entity"] as String?).nonEmpty
            if let raw = (req.query["entityId"] as String?).nonEmpty {
                entityID = UUID(uuidString: raw)
                if entityID == nil { errors.append(FieldError("entityId", "must be a record id")) }
            }
            actor = (req.query["actor"] as String?).nonEmpty
            if let raw = (req.query["action"] as String?).nonEmpty {
                action = AuditEvent.Action(rawValue: raw)
                if action == nil {
                    errors.append(FieldError("action", "must be one of create, update, archive, restore"))
                }
            }
            for (name, keyPath) in [("from", \Filter.from), ("to", \Filter.to)] {
                if let raw = (req.query[name] as String?).nonEmpty {
                    self[keyPath: keyPath] = CalendarDay(raw)
                    if self[keyPath: keyPath] == nil {
                        errors.append(FieldError(name, "must be a date in the form yyyy-mm-dd"))
                    }
                }
            }
            try HavenError.check(errors)
        }

        func query(on db: any Database) -> QueryBuilder<AuditEvent> {
            let query = AuditEvent.query(on: db)
            if let entity { query.filter(\.$entity == entity) }
            if let entityID { query.filter(\.$entityID == entityID) }
            if let actor { query.filter(\.$actorLabel ~~ actor.lowercased()) }
            if let action { query.filter(\.$action == action) }
            if let from { query.filter(\.$at >= from.date) }
            if let to { query.filter(\.$at < to.adding(days: 1).date) }
            return query.sort(\.$at, .descending).sort(\.$id)
        }
    }

    static func page(for entityID: UUID, _ req: Request) async throws -> Page<AuditEventBody> {
        var filter = Filter()
        filter.entityID = entityID
        let page = try PageRequest(req)
        let (events, total) = try await filter.query(on: req.db).fetchPage(page)
        return Page(items: events.map(AuditEventBody.init), total: total, request: page)
    }
}
