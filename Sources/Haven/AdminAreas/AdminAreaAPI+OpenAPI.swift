import Foundation

extension OpenAPIDocument {
    /// The operations of `AdminAreaAPI`.
    static var adminAreaOperations: [Operation] {
        [
            Operation(
                "get", "/admin-areas", "List administrative areas", response: list("AdminArea"),
                query: paging + ["q", "level", "parent"]),
            Operation(
                "post", "/admin-areas", "Add an administrative area", body: "AdminArea", response: "AdminArea",
                status: 201),
            Operation("get", "/admin-areas/{id}", "Read an administrative area", response: "AdminArea"),
            Operation(
                "put", "/admin-areas/{id}", "Change an administrative area", body: "AdminArea", response: "AdminArea"),
            Operation("post", "/admin-areas/{id}/archive", "Archive an administrative area", response: "AdminArea"),
            Operation("post", "/admin-areas/{id}/restore", "Restore an administrative area", response: "AdminArea"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `AdminAreaAPI` reads and answers.
    static var adminAreaSchemas: [String: Any] {
        [
            "AdminArea": object(
                [
                    "id": uuid, "pcode": ["type": "string", "maxLength": 30], "name": text(.name),
                    "level": ["type": "integer", "minimum": 0, "maximum": 4],
                    "parentId": optional(uuid), "archived": boolean,
                ], required: ["pcode", "name", "level"])
        ]
    }
}
