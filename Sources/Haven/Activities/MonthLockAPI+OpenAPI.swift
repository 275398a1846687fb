import Foundation

extension OpenAPIDocument {
    /// The operations of `MonthLockAPI`.
    static var monthLockOperations: [Operation] {
        [
            Operation(
                "get", "/locked-months", "Reporting months closed to changes", response: list("LockedMonth"),
                query: paging),
            Operation(
                "post", "/locked-months/{month}/lock", "Close a reporting month to changes (coordinators)",
                response: "LockedMonth"),
            Operation(
                "post", "/locked-months/{month}/unlock", "Reopen a reporting month (coordinators)",
                response: "LockedMonth"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `MonthLockAPI` reads and answers.
    static var monthLockSchemas: [String: Any] {
        [
            "LockedMonth": object(["month": month, "locked": boolean])
        ]
    }
}
