import Foundation

extension OpenAPIDocument {
    /// The operations of `ServiceAPI`.
    static var serviceOperations: [Operation] {
        [
            Operation(
                "get", "/services", "The service directory: what residents of each site can use",
                response: list("Service"),
                query: paging + ["site", "sector"])
        ]
            + downloads(Paths.servicesDownload, "The service directory", query: ["site", "sector"])
            + [
                Operation(
                    "post", "/services", "Add a service to a site's directory", body: "Service", response: "Service",
                    status: 201),
                Operation("put", "/services/{id}", "Change a service", body: "Service", response: "Service"),
                Operation("post", "/services/{id}/archive", "Take a service off the directory", response: "Service"),
                Operation("post", "/services/{id}/restore", "Put a service back on the directory", response: "Service"),
            ]
    }
}

extension Schemas {
    /// The JSON shapes `ServiceAPI` reads and answers.
    static var serviceSchemas: [String: Any] {
        [
            "Service": object(
                [
                    "id": uuid, "siteId": uuid, "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)],
                    "providerId": uuid,
                    "name": text(.name), "location": optional(text(.line)), "hours": optional(text(.line)),
                    "contact": optional(text(.line)),
                    "referralFocalPoint": optional(text(.line)), "archived": boolean,
                ], required: ["siteId", "sector", "providerId", "name"])
        ]
    }
}
