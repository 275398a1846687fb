import Foundation

extension OpenAPIDocument {
    /// The operations of `RoundAPI`.
    static var roundOperations: [Operation] {
        [
            Operation(
                "get", "/sites/{id}/rounds", "A site's monitoring rounds, newest first", response: list("Round"),
                query: paging),
            Operation(
                "post", "/sites/{id}/rounds", "Record a monitoring round; it is scored with the current catalogue",
                body: "RoundInput", response: "Round", status: 201),
            Operation("get", "/rounds/{round}", "Read a monitoring round", response: "Round"),
        ]
            + downloads(
                Paths.roundsDownload,
                "Monitoring results: each live round of the selected sites with overall and sector severities and an answer column per indicator of the current catalogue",
                query: siteExportFilters + ["latest"])
    }
}

extension Schemas {
    /// The JSON shapes `RoundAPI` reads and answers.
    static var roundSchemas: [String: Any] {
        [
            "RoundInput": object(
                [
                    "conductedOn": day, "keyInformants": ["type": "array", "items": string],
                    "values": [
                        "type": "object", "additionalProperties": ["type": ["number", "string"]],
                        "description": "Answers by indicator code: numbers, or answer codes such as adequate or yes",
                    ],
                ],
                required: ["conductedOn", "values"]),
            "Round": object([
                "id": uuid, "siteId": uuid, "conductedOn": day, "keyInformants": ["type": "array", "items": string],
                "catalogueVersion": integer, "population": optional(integer),
                "values": ["type": "object", "additionalProperties": ["type": ["number", "string"]]],
                "overallSeverity": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
                "sectorSeverities": ["type": "object", "additionalProperties": integer],
                "unmetStandards": [
                    "type": "array",
                    "items": object([
                        "indicator": string, "sector": string, "severity": integer,
                        "value": optional(number), "standard": number, "summary": string,
                    ]),
                ],
                "source": oneOf(MonitoringRound.Source.self),
            ]),
        ]
    }
}
