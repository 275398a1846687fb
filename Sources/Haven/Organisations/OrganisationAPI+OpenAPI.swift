import Foundation

extension OpenAPIDocument {
    /// The operations of `OrganisationAPI`.
    static var organisationOperations: [Operation] {
        [
            Operation(
                "get", "/organisations", "List organisations", response: list("Organisation"),
                query: paging + ["q", "type"]),
            Operation(
                "post", "/organisations", "Add an organisation", body: "Organisation", response: "Organisation",
                status: 201
            ),
            Operation("get", "/organisations/{id}", "Read an organisation", response: "Organisation"),
            Operation(
                "put", "/organisations/{id}", "Change an organisation", body: "Organisation", response: "Organisation"),
            Operation("post", "/organisations/{id}/archive", "Archive an organisation", response: "Organisation"),
            Operation("post", "/organisations/{id}/restore", "Restore an organisation", response: "Organisation"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `OrganisationAPI` reads and answers.
    static var organisationSchemas: [String: Any] {
        [
            "Organisation": object(
                [
                    "id": uuid, "name": text(.name), "acronym": text(.code), "type": oneOf(Organisation.Kind.self),
                    "archived": boolean,
                ],
                required: ["name", "type"])
        ]
    }
}
