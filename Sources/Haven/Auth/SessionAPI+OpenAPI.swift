import Foundation

extension OpenAPIDocument {
    /// The operations of `SessionAPI`.
    static var sessionOperations: [Operation] {
        [
            Operation(
                "post", "/sessions", "Log in and receive a bearer token", body: "Credentials", response: "Session",
                status: 201, anonymous: true),
            Operation("delete", "/sessions/current", "Log out: revoke the token used", status: 204),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `SessionAPI` reads and answers.
    static var sessionSchemas: [String: Any] {
        [
            "Credentials": object(
                ["email": text(.name), "password": ["type": "string", "maxLength": Accounts.maximumPasswordLength]],
                required: ["email", "password"]),
            "Session": object(
                ["token": string, "expiresAt": moment, "user": ["$ref": "#/components/schemas/User"]],
                required: ["token", "expiresAt", "user"]),
        ]
    }
}
