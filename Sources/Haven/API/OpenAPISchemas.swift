/// The JSON shapes of the API, kept beside the document that uses them.
enum Schemas {
    /// An object; unless told which, every property that cannot be null is required, since the server
    /// leaves out only the empty optional ones.
    static func object(_ properties: [String: Any], required: [String]? = nil) -> [String: Any] {
        let always = properties.filter { !isNullable($0.value) && ($0.value as? [String: Any])?["writeOnly"] == nil }
            .map(\.key).sorted()
        return ["type": "object", "properties": properties, "required": required ?? always]
    }

    private static func isNullable(_ schema: Any) -> Bool {
        ((schema as? [String: Any])?["type"] as? [String])?.contains("null") == true
    }

    /// Any text: bounded as every text of a body is (`TextRules.largest`).
    static var string: [String: Any] { ["type": "string", "maxLength": TextRules.largest] }
    /// A text field with its own bound, by what it holds.
    static func text(_ kind: TextRules.Kind) -> [String: Any] { ["type": "string", "maxLength": kind.limit] }
    static var month: [String: Any] {
        [
            "type": "string", "pattern": "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])$",
            "description": "A month, yyyy-mm (1900-2999)",
        ]
    }
    static var count: [String: Any] { ["type": "integer", "minimum": 0, "maximum": Counts.largest] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var number: [String: Any] { ["type": "number"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    static var day: [String: Any] { ["type": "string", "format": "date"] }
    static var moment: [String: Any] { ["type": "string", "format": "date-time"] }

    static func optional(_ schema: [String: Any]) -> [String: Any] {
        var s = schema
        s["type"] = [schema["type"] as? String ?? "string", "null"]
        return s
    }

    static func oneOf<V: RawRepresentable & CaseIterable>(_ type: V.Type) -> [String: Any] where V.RawValue == String {
        ["type": "string", "enum": type.allCases.map(\.rawValue)]
    }

    /// Every schema: the problem every error answers with, and each capability's (`OpenAPIDocument.parts`).
    static var all: [String: Any] {
        let fieldError = object([
            "field": ["type": "string", "maxLength": 200], "message": ["type": "string", "maxLength": 1_000],
        ])
        var all: [String: Any] = [
            "Problem": object(
                [
                    "type": string, "title": string, "status": integer,
                    "detail": ["type": "string", "maxLength": 2_000],
                    "errors": ["type": "array", "items": fieldError, "maxItems": 100],
                ], required: ["status", "detail"])
        ]
        for part in OpenAPIDocument.parts { all.merge(part.schemas) { first, _ in first } }
        return all
    }
}
