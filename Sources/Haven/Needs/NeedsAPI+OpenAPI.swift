import Foundation

extension OpenAPIDocument {
    /// The operations of `NeedsAPI`.
    static var needsOperations: [Operation] {
        [
            Operation(
                "get", "/analysis/needs",
                "Needs figures by area of a level (HNO inputs): people in open sites, people in need (sites at severity 3+) overall and per sector, the area severity (25% rule), sites assessed and their rounds' dates",
                response: "NeedsFigures", query: ["level", "adminArea"])
        ]
            + downloads(
                Paths.needsDownload, "The needs figures, one row per area and sector (and one for all sectors)",
                query: ["level", "adminArea"])
    }
}

extension Schemas {
    /// The JSON shapes `NeedsAPI` answers.
    static var needsSchemas: [String: Any] {
        let counts: [String: Any] = ["type": "object", "additionalProperties": integer]
        let area = object([
            "pcode": string, "name": string, "level": integer, "sites": integer, "assessedSites": integer,
            "people": integer, "inNeed": integer, "severity": optional(integer), "inNeedBySector": counts,
            "severityBySector": counts, "firstAssessed": optional(string), "lastAssessed": optional(string),
        ])
        return ["NeedsFigures": object(["level": integer, "areas": ["type": "array", "items": area]])]
    }
}
