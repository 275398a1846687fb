import Foundation

extension OpenAPIDocument {
    /// The operations of `ActivityAPI`.
    static var activityOperations: [Operation] {
        [
            Operation(
                "get", "/activities",
                "The 5W: activity lines, newest month first (partners see their own organisation's)",
                response: list("Activity"),
                query: paging + [
                    "sector", "organisation", "site", "activity", "adminArea", "status", "month", "archived",
                ]),
            Operation(
                "post", "/activities", "Report an activity line; warnings come back with it", body: "ActivityInput",
                response: "Activity", status: 201),
            Operation("get", "/activities/{id}", "Read an activity line", response: "Activity"),
            Operation(
                "put", "/activities/{id}", "Correct an activity line", body: "ActivityInput", response: "Activity"),
            Operation("post", "/activities/{id}/archive", "Archive an activity line", response: "Activity"),
            Operation("post", "/activities/{id}/restore", "Restore an activity line", response: "Activity"),
        ]
            + downloads(
                Paths.activitiesDownload, "The 5W lines the list's filters select",
                query: ["sector", "organisation", "site", "activity", "adminArea", "status", "month", "archived"])
    }
}

extension Schemas {
    /// The JSON shapes `ActivityAPI` reads and answers.
    static var activitySchemas: [String: Any] {
        [
            "ActivityInput": object(activityInput, required: activityRequired),
            "Activity": object(activity, required: ["id"] + activityRequired),
        ]
    }
}

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
    static var activity: [String: Any] {
        var properties = activityInput
        properties["id"] = uuid
        properties["sector"] = string
        properties["adminAreaId"] = uuid
        properties["archived"] = boolean
        properties["warnings"] = ["type": "array", "items": object(["field": string, "message": string])]
        return properties
    }

    static let activityRequired = ["reportingOrganisationId", "activity", "status", "startOn", "month", "modality"]
}
