/// The JSON shapes of 5W lines.
extension Schemas {
    static var people: [String: Any] {
        let brackets: [String: Any] = [
            "type": "array", "items": ["type": ["integer", "null"], "minimum": 0, "maximum": Counts.largest],
            "minItems": 5, "maxItems": 5,
            "description": "Ages 0-4, 5-11, 12-17, 18-59, 60+; null where unknown",
        ]
        return [
            "type": ["object", "null"], "properties": ["total": count, "female": brackets, "male": brackets],
            "required": ["total"],
        ]
    }

    static var activityInput: [String: Any] {
        [
            "reportingOrganisationId": uuid, "implementingOrganisationId": optional(uuid),
            "donorOrganisationId": optional(uuid),
            "activity": ["type": "string", "maxLength": 20, "description": "Code of an activity of the catalogue"],
            "siteId": optional(uuid),
            "adminArea": [
                "type": ["string", "null"], "maxLength": 30, "description": "P-code, for work outside sites",
            ],
            "status": oneOf(ActivityStatus.self), "startOn": day, "endOn": optional(day),
            "month": month,
            "modality": oneOf(Modality.self), "targeted": people, "reached": people,
            "householdsTargeted": optional(count), "householdsReached": optional(count),
            "comment": optional(text(.note)),
        ]
    }

    static let activityRequired = ["reportingOrganisationId", "activity", "status", "startOn", "month", "modality"]

    static var importPreview: [String: Any] {
        let row = object(["row": integer, "column": string, "message": string])
        return object([
            "id": optional(uuid), "fileName": string, "rows": integer, "creates": integer, "updates": integer,
            "unchanged": integer,
            "missingColumns": ["type": "array", "items": string], "errors": ["type": "array", "items": row],
            "warnings": ["type": "array", "items": row], "committed": boolean,
        ])
    }

    static var activity: [String: Any] {
        var properties = activityInput
        properties["id"] = uuid
        properties["sector"] = string
        properties["adminAreaId"] = uuid
        properties["archived"] = boolean
        properties["warnings"] = ["type": "array", "items": object(["field": string, "message": string])]
        return properties
    }

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
