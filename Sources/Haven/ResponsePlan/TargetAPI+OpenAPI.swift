import Foundation

extension OpenAPIDocument {
    /// The operations of `TargetAPI`.
    static var targetOperations: [Operation] {
        [
            Operation(
                "get", "/targets", "The response plan's targets in force", response: list("Target"),
                query: paging + ["sector", "adminArea"]),
            Operation(
                "post", "/targets", "Set a response plan target (coordinators)", body: "TargetInput",
                response: "Target",
                status: 201),
            Operation("get", "/targets/{id}", "Read a target", response: "Target"),
            Operation(
                "put", "/targets/{id}", "Correct a target (coordinators)", body: "TargetInput", response: "Target"),
            Operation("post", "/targets/{id}/archive", "Archive a target (coordinators)", response: "Target"),
            Operation("post", "/targets/{id}/restore", "Restore a target (coordinators)", response: "Target"),
            Operation(
                "get", "/analysis/progress",
                "People reached against each target, optionally divided by area, site, organisation or month",
                response: list("Progress"), query: paging + ["sector", "adminArea", "by"]),
        ]
            + downloads(
                Paths.progressDownload, "Each target in force with the people reached", query: ["sector", "adminArea"])
    }
}

extension Schemas {
    /// The JSON shapes `TargetAPI` reads and answers.
    static var targetSchemas: [String: Any] {
        [
            "TargetInput": object(targetInput, required: ["sector", "fromMonth", "toMonth", "people"]),
            "Target": object(target, required: ["id", "sector", "fromMonth", "toMonth", "people"]),
            "Progress": progress,
        ]
    }
}

extension Schemas {
    static var targetInput: [String: Any] {
        return [
            "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)],
            "activity": [
                "type": ["string", "null"], "maxLength": 20,
                "description": "An activity code of the sector; absent for the whole sector",
            ],
            "adminArea": [
                "type": ["string", "null"], "maxLength": 30, "description": "P-code; absent for the whole operation",
            ],
            "indicator": optional(text(.line)), "fromMonth": month, "toMonth": month,
            "people": ["type": "integer", "minimum": 1, "maximum": Counts.largest],
            "comment": optional(text(.note)),
        ]
    }
    static var target: [String: Any] {
        var properties = targetInput
        properties["id"] = uuid
        properties["archived"] = boolean
        return properties
    }
    static var progress: [String: Any] {
        object(
            [
                "target": ["$ref": "#/components/schemas/Target"], "reached": integer, "targetedByPartners": integer,
                "percent": number,
                "parts": ["type": "array", "items": object(["key": string, "label": string, "reached": integer])],
            ],
            required: ["target", "reached", "percent", "parts"])
    }
}
