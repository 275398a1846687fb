import Foundation

extension OpenAPIDocument {
    /// The operations of `FeedbackCategoryAPI`.
    static var feedbackCategoryOperations: [Operation] {
        [
            Operation(
                "get", "/feedback-categories", "Feedback categories: codes, labels, deadlines and which are sensitive",
                response: list("FeedbackCategory"),
                query: paging),
            Operation(
                "post", "/feedback-categories", "Add a feedback category (coordinators)", body: "FeedbackCategory",
                response: "FeedbackCategory", status: 201),
            Operation(
                "put", "/feedback-categories/{code}",
                "Change a category's label, its labels in other languages, deadlines or (while unused) sensitivity",
                body: "FeedbackCategory",
                response: "FeedbackCategory"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `FeedbackCategoryAPI` reads and answers.
    static var feedbackCategorySchemas: [String: Any] {
        [
            "FeedbackCategory": object([
                "code": ["type": "string", "maxLength": 20], "label": text(.name), "sensitive": boolean,
                "acknowledgeDays": integer, "respondHours": integer,
                "labels": optional([
                    "type": "object", "maxProperties": LocalLabels.maxLanguages, "additionalProperties": text(.name),
                    "propertyNames": ["pattern": "^[a-z-]{2,8}$"],
                    "description": "The label in other languages by code (fr, es, ar …); absent leaves them unchanged",
                ]),
            ])
        ]
    }
}
