import Foundation

extension OpenAPIDocument {
    /// The operations of `AccountAPI`.
    static var accountOperations: [Operation] {
        [
            Operation(
                "put", "/account/password",
                "Change your own password; every session and token of the account ends, this one included",
                body: "PasswordChange", status: 204),
            Operation(
                "put", "/account/language",
                "The language you read Haven's pages in: a built-in one (en, fr, es, ar) or one of the operation's",
                body: "LanguageChoice", response: "LanguageChoice"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `AccountAPI` reads.
    static var accountSchemas: [String: Any] {
        let password: [String: Any] = ["type": "string", "maxLength": Accounts.maximumPasswordLength]
        let new: [String: Any] = [
            "type": "string", "minLength": Accounts.minimumPasswordLength, "maxLength": Accounts.maximumPasswordLength,
        ]
        return [
            "PasswordChange": object(
                ["currentPassword": password, "newPassword": new, "confirmation": new],
                required: ["currentPassword", "newPassword", "confirmation"]),
            "LanguageChoice": object(["language": ["type": "string", "maxLength": 8]]),
        ]
    }
}
