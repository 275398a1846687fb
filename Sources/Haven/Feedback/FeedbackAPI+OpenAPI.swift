import Foundation

extension OpenAPIDocument {
    /// The operations of `FeedbackAPI`.
    static var feedbackOperations: [Operation] {
        [
            Operation(
                "get", "/feedback",
                "Feedback you may handle, newest first (sensitive items to their focal points only, without their text)",
                response: list("Feedback"), query: paging + ["site", "category", "status", "channel", "overdue"]),
            Operation(
                "post", "/feedback", "Record feedback received at a site", body: "FeedbackInput", response: "Feedback",
                status: 201),
            Operation(
                "get", "/feedback/{id}",
                "Open one piece of feedback with what was said and the contact (opening a sensitive one is audited)",
                response: "Feedback"),
            Operation(
                "post", "/feedback/{id}/transitions",
                "Take a workflow step: acknowledged, referred, in_progress, responded, closed",
                body: "FeedbackTransition", response: "Feedback"),
            Operation(
                "post", "/feedback/{id}/category",
                "File an item under another category and sector; becoming sensitive seals it and leaves it to focal points",
                body: "FeedbackReclassification", response: "Feedback"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `FeedbackAPI` reads and answers.
    static var feedbackSchemas: [String: Any] {
        [
            "FeedbackInput": object(
                feedbackInput, required: ["siteId", "channel", "category", "description", "consentToContact"]),
            "Feedback": object(
                feedback,
                required: ["id", "reference", "receivedAt", "channel", "siteId", "category", "sensitive", "status"]),
            "FeedbackTransition": object(
                [
                    "to": oneOf(FeedbackStatus.self), "organisationId": optional(uuid),
                    "focalPoint": optional(text(.name)),
                    "response": optional(text(.note)), "closedVia": optional(oneOf(FeedbackChannel.self)),
                    "satisfaction": optional(oneOf(FeedbackSatisfaction.self)),
                ], required: ["to"]),
            "FeedbackReclassification": object(
                ["category": string, "sector": optional(["type": "string", "enum": ResponseSector.all.map(\.code)])],
                required: ["category"]),
        ]
    }
}

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
}
