import Foundation

extension OpenAPIDocument {
    /// The operations of `ResponseAnalysisAPI`.
    static var responseAnalysisOperations: [Operation] {
        [
            Operation(
                "get", "/analysis/gaps",
                "Sites at severity 3+ in a sector with no planned or ongoing activity of that sector in the month",
                response: list("Gap"), query: paging + ["month", "responseSector", "adminArea", "type", "status"])
        ]
            + downloads(
                Paths.gapsDownload, "The month's gaps with site names and areas",
                query: ["month", "responseSector", "adminArea", "type", "status"])
            + [
                Operation(
                    "get", "/analysis/duplications",
                    "Several organisations with the same activity at the same site at the same time, in the month",
                    response: list("Duplication"), query: paging + ["month"])
            ]
    }
}

extension Schemas {
    /// The JSON shapes `ResponseAnalysisAPI` reads and answers.
    static var responseAnalysisSchemas: [String: Any] {
        [
            "Gap": object([
                "siteId": uuid, "code": string, "sector": string, "severity": integer, "population": integer,
            ]),
            "Duplication": object([
                "siteId": uuid, "activity": string, "organisationIds": ["type": "array", "items": uuid],
                "reached": integer, "population": optional(integer),
            ]),
        ]
    }
}
