import Fluent
import Foundation
import Vapor

/// `/api/v1/audit-events`: the whole trail, for administrators.
struct AuditAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit-events", use: list)
    }

    func list(req: Request) async throws -> Page<AuditEventBody> {
        try req.authorize(.readAuditTrail)
        let page = try PageRequest(req)
        let (events, total) = try await AuditTrail.Filter(req).query(on: req.db).fetchPage(page)
        return Page(items: events.map(AuditEventBody.init), total: total, request: page)
    }
}

/// An audit event as the API sends it.
struct AuditEventBody: Content {
    var id: UUID
    var at: Date
    var actorId: UUID?
    var actor: String
    var entity: String
    var entityId: UUID
    var entityLabel: String
    var action: AuditEvent.Action
    var changes: [AuditEvent.Change]

    init(_ event: AuditEvent) {
        id = event.id!
        at = event.at
        actorId = event.actorID
        actor = event.actorLabel
        entity = event.entity
        entityId = event.entityID
        entityLabel = event.entityLabel
        action = event.action
        changes = event.changes
    }
}
