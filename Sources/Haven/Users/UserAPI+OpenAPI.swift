import Foundation

extension OpenAPIDocument {
    /// The operations of `UserAPI`.
    static var userOperations: [Operation] {
        [
            Operation("get", "/users", "List accounts (administrators)", response: list("User"), query: paging + ["q"]),
            Operation(
                "post", "/users", "Open an account (administrators)", body: "AccountInput", response: "User",
                status: 201),
            Operation("get", "/users/{id}", "Read an account (administrators)", response: "User"),
            Operation(
                "put", "/users/{id}", "Change an account (administrators)", body: "AccountInput", response: "User"),
            Operation("post", "/users/{id}/archive", "Archive an account and end its sessions", response: "User"),
            Operation("post", "/users/{id}/restore", "Restore an account", response: "User"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `UserAPI` reads and answers.
    static var userSchemas: [String: Any] {
        [
            "User": object([
                "id": uuid, "email": string, "name": string, "role": oneOf(Role.self), "organisationId": optional(uuid),
                "siteIds": ["type": "array", "items": uuid], "archived": boolean,
            ]),
            "AccountInput": object(
                [
                    "email": text(.name), "name": text(.name), "role": oneOf(Role.self),
                    "organisationId": optional(uuid),
                    "siteIds": ["type": "array", "items": uuid], "feedbackFocalPoint": boolean,
                    "password": [
                        "type": "string", "minLength": Accounts.minimumPasswordLength,
                        "maxLength": Accounts.maximumPasswordLength,
                    ],
                ],
                required: ["email", "role"]),
        ]
    }
}
