import Foundation

extension OpenAPIDocument {
    /// The operations of `PopulationAPI`.
    static var populationOperations: [Operation] {
        [
            Operation(
                "get", "/sites/{id}/population-counts", "A site's population counts, newest first",
                response: list("PopulationCount"), query: paging + ["archived"]),
            Operation(
                "post", "/sites/{id}/population-counts", "Record a population count", body: "PopulationCount",
                response: "PopulationCount", status: 201),
            Operation("get", "/population-counts/{count}", "Read a population count", response: "PopulationCount"),
            Operation(
                "put", "/population-counts/{count}", "Correct a population count", body: "PopulationCount",
                response: "PopulationCount"),
            Operation(
                "post", "/population-counts/{count}/archive", "Archive a population count", response: "PopulationCount"),
            Operation(
                "post", "/population-counts/{count}/restore", "Restore a population count", response: "PopulationCount"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `PopulationAPI` reads and answers.
    static var populationSchemas: [String: Any] {
        [
            "PopulationCount": populationCount
        ]
    }
}

extension Schemas {
    static var populationCount: [String: Any] {
        var properties: [String: Any] = [
            "id": uuid, "siteId": uuid, "countedOn": day, "households": count, "individuals": count,
            "disaggregated": boolean,
            "personsWithDisabilities": optional(count), "unaccompaniedSeparatedChildren": optional(count),
            "femaleHeadedHouseholds": optional(count), "olderPersonsAlone": optional(count),
            "arrivals": optional(count), "departures": optional(count), "source": oneOf(PopulationSource.self),
            "archived": boolean,
        ]
        for field in PopulationFigures.cellFields { properties[field] = optional(count) }
        return object(properties, required: ["countedOn", "households", "individuals", "disaggregated", "source"])
    }
}
