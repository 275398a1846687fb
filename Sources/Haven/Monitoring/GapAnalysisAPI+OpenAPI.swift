import Foundation

extension OpenAPIDocument {
    /// The operations of `GapAnalysisAPI`.
    static var gapAnalysisOperations: [Operation] {
        [
            Operation(
                "get", "/gap-analysis",
                "Sites ranked by severity (worst first, then most people), unmet standards and totals",
                response: "GapAnalysis", query: paging + ["adminArea", "sector", "type", "status", "minSeverity"])
        ]
    }
}

extension Schemas {
    /// The JSON shapes `GapAnalysisAPI` reads and answers.
    static var gapAnalysisSchemas: [String: Any] {
        [
            "GapAnalysis": object(
                [
                    "items": [
                        "type": "array",
                        "items": object([
                            "siteId": uuid, "code": string, "name": string, "type": oneOf(SiteType.self),
                            "adminArea": string, "population": integer, "conductedOn": day, "severity": integer,
                            "overallSeverity": optional(integer),
                            "sectorSeverities": ["type": "object", "additionalProperties": integer],
                            "unmetStandards": ["type": "array", "items": string],
                        ]),
                    ],
                    "total": integer, "limit": integer, "offset": integer,
                    "summary": object([
                        "sitesAssessed": integer, "peopleAssessed": integer,
                        "sitesBySeverity": ["type": "array", "items": integer],
                        "peopleBySeverity": ["type": "array", "items": integer], "peopleInNeed": integer,
                        "areaSeverity": optional(integer),
                    ]),
                ], required: ["items", "total", "limit", "offset", "summary"])
        ]
    }
}
