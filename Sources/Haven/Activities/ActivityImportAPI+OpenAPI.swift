import Foundation

extension OpenAPIDocument {
    /// The operations of `ActivityImportAPI`.
    static var activityImportOperations: [Operation] {
        [
            Operation(
                "post", "/activities/imports",
                "Check a 5W file (multipart field 'file', CSV or .xlsx): the preview with every row error and warning",
                body: "ImportFile", response: "ImportPreview", refusal: "ImportPreview"),
            Operation(
                "post", "/activities/imports/{staged}/commit", "Import a checked 5W file", response: "ImportPreview"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `ActivityImportAPI` reads and answers.
    static var activityImportSchemas: [String: Any] {
        [
            "ImportPreview": importPreview,
            "ImportFile": object(["file": ["type": "string", "format": "binary"]], required: ["file"]),
        ]
    }
}

extension Schemas {
    static var importPreview: [String: Any] {
        let row = object(["row": integer, "column": string, "message": string])
        return object([
            "id": optional(uuid), "fileName": string, "rows": integer, "creates": integer, "updates": integer,
            "unchanged": integer,
            "missingColumns": ["type": "array", "items": string], "errors": ["type": "array", "items": row],
            "warnings": ["type": "array", "items": row], "committed": boolean,
        ])
    }
}
