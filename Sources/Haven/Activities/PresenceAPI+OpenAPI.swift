import Foundation

extension OpenAPIDocument {
    /// The operations of `PresenceAPI`.
    static var presenceOperations: [Operation] {
        [
            Operation(
                "get", "/analysis/presence", "Who works in each site this month, by sector (site × sector matrix)",
                response: list("SitePresence"), query: paging + ["month", "sector", "adminArea", "level"])
        ]
            + downloads(
                Paths.presenceDownload, "Who works where in the month: one row per site, sector and organisation",
                query: ["month", "sector", "adminArea"])
            + [
                Operation(
                    "get", "/analysis/presence/areas",
                    "How many organisations work in each area at a level this month, most first",
                    response: list("AreaPresence"), query: paging + ["month", "sector", "adminArea", "level"])
            ]
    }
}

extension Schemas {
    /// The JSON shapes `PresenceAPI` reads and answers.
    static var presenceSchemas: [String: Any] {
        [
            "SitePresence": object([
                "siteId": uuid, "code": string, "name": string,
                "sectors": ["type": "object", "additionalProperties": ["type": "array", "items": uuid]],
            ]),
            "AreaPresence": object([
                "pcode": string, "name": string, "organisations": integer,
                "organisationIds": ["type": "array", "items": uuid],
                "sectors": ["type": "array", "items": string],
            ]),
        ]
    }
}
