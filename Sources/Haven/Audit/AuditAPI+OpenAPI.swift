import Foundation

extension OpenAPIDocument {
    /// The operations of `AuditAPI`.
    static var auditOperations: [Operation] {
        [
            Operation(
                "get", "/audit-events", "The whole audit trail (administrators)", response: list("AuditEvent"),
                query: paging + ["entity", "entityId", "actor", "action", "from", "to"])
        ]
    }
}

extension Schemas {
    /// The JSON shapes `AuditAPI` reads and answers.
    static var auditSchemas: [String: Any] {
        [
            "AuditEvent": object([
                "id": uuid, "at": moment, "actorId": optional(uuid), "actor": string, "entity": string,
                "entityId": uuid,
                "entityLabel": string, "action": oneOf(AuditEvent.Action.self),
                "changes": [
                    "type": "array",
                    "items": object(["field": string, "before": optional(string), "after": optional(string)]),
                ],
            ])
        ]
    }
}
