import Foundation

extension OpenAPIDocument {
    /// The operations of `FeedbackFiguresAPI`.
    static var feedbackFiguresOperations: [Operation] {
        [
            Operation(
                "get", "/analysis/feedback",
                "Feedback as counts (small ones suppressed): by category, channel, sex, age and month, per site beside its severity, and sites with a functioning mechanism",
                response: "FeedbackFigures", query: ["from", "to"])
        ]
            + downloads(
                Paths.feedbackDownload,
                "The feedback items you may list, without text or contact; sensitive items left out (they are counted in the figures)",
                query: ["from", "to"])
    }
}

extension Schemas {
    /// The JSON shapes `FeedbackFiguresAPI` reads and answers.
    static var feedbackFiguresSchemas: [String: Any] {
        [
            "FeedbackFigures": feedbackFigures
        ]
    }
}

extension Schemas {
    static var feedbackFigures: [String: Any] {
        let count: [String: Any] = [
            "type": ["integer", "null"], "description": "Absent (null) when too small to show",
        ]
        let cells: [String: Any] = [
            "type": "array", "items": object(["key": string, "label": string, "count": count]),
        ]
        return object([
            "from": string, "to": string, "threshold": integer, "received": count, "open": count, "overdue": count,
            "answeredInTimePercent": optional(number), "byCategory": cells, "byChannel": cells, "bySex": cells,
            "byAgeGroup": cells,
            "byMonth": cells,
            "sites": [
                "type": "array",
                "items": object([
                    "siteId": uuid, "code": string, "received": count,
                    "topSector": optional(string), "topSectorCount": count, "sectorSeverity": optional(integer),
                    "overallSeverity": optional(integer),
                ]),
            ],
            "sitesWithFunctioningMechanism": integer, "openSites": integer,
        ])
    }
}
