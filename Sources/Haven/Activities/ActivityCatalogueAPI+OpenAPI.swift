import Foundation

extension OpenAPIDocument {
    /// The operations of `ActivityCatalogueAPI`.
    static var activityCatalogueOperations: [Operation] {
        [
            Operation(
                "get", "/activity-types", "The activity catalogue by sector", response: list("ActivityType"),
                query: paging + ["sector", "archived"]),
            Operation(
                "post", "/activity-types", "Add an activity to the catalogue (coordinators)", body: "ActivityType",
                response: "ActivityType", status: 201),
            Operation("get", "/activity-types/{id}", "Read an activity of the catalogue", response: "ActivityType"),
            Operation(
                "put", "/activity-types/{id}", "Rename an activity (its code and sector never change)",
                body: "ActivityType", response: "ActivityType"),
            Operation(
                "post", "/activity-types/{id}/archive", "Archive an activity: no new reports of it",
                response: "ActivityType"),
            Operation("post", "/activity-types/{id}/restore", "Restore an archived activity", response: "ActivityType"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `ActivityCatalogueAPI` reads and answers.
    static var activityCatalogueSchemas: [String: Any] {
        [
            "ActivityType": object(
                [
                    "id": uuid, "code": ["type": "string", "maxLength": 20],
                    "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)], "name": text(.name),
                    "archived": boolean,
                ], required: ["code", "sector", "name"])
        ]
    }
}
