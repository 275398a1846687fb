/// The JSON shapes of complaints and feedback.
extension Schemas {
    static var feedbackInput: [String: Any] {
        [
            "siteId": uuid, "channel": oneOf(FeedbackChannel.self),
            "category": ["type": "string", "maxLength": 20, "description": "A code of /feedback-categories"],
            "sector": optional(text(.code)), "description": text(.note), "contact": optional(text(.line)),
            "consentToContact": boolean,
            "wantsAnswer": optional(boolean), "receivedAt": optional(moment), "sex": optional(oneOf(FeedbackSex.self)),
            "ageGroup": optional(oneOf(FeedbackAgeGroup.self)), "disability": optional(boolean),
        ]
    }

    static var feedback: [String: Any] {
        var properties = feedbackInput
        properties["description"] = [
            "type": ["string", "null"], "description": "Absent from lists for sensitive items",
        ]
        properties["contact"] = ["type": ["string", "null"], "description": "Only when one item is opened"]
        properties["wantsAnswer"] = boolean
        properties["receivedAt"] = moment
        for (name, schema) in [
            "id": uuid, "reference": string, "sensitive": boolean, "status": oneOf(FeedbackStatus.self),
            "referredToId": optional(uuid), "focalPoint": optional(string), "response": optional(string),
            "closedVia": optional(oneOf(FeedbackChannel.self)),
            "satisfaction": optional(oneOf(FeedbackSatisfaction.self)),
            "acknowledgeBy": moment, "respondBy": moment, "respondedAt": optional(moment), "closedAt": optional(moment),
            "overdue": boolean,
        ] as [String: [String: Any]] {
            properties[name] = schema
        }
        return properties
    }

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
