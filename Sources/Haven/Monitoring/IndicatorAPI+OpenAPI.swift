import Foundation

extension OpenAPIDocument {
    /// The operations of `IndicatorAPI`.
    static var indicatorOperations: [Operation] {
        [
            Operation(
                "get", "/indicators", "The monitoring catalogue, in questionnaire order", response: list("Indicator"),
                query: paging + ["sector"]),
            Operation("get", "/indicators/{id}", "Read an indicator", response: "Indicator"),
            Operation(
                "put", "/indicators/{id}", "Adapt an indicator's wording, standard and bands (coordinators)",
                body: "Indicator", response: "Indicator"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `IndicatorAPI` reads and answers.
    static var indicatorSchemas: [String: Any] {
        [
            "Indicator": object(
                [
                    "id": uuid, "code": text(.code), "sector": text(.code), "label": text(.line), "unit": text(.code),
                    "valueType": oneOf(IndicatorValueType.self), "derived": optional(oneOf(DerivedIndicator.self)),
                    "standard": [
                        "type": ["object", "null"],
                        "properties": [
                            "comparison": oneOf(Comparison.self),
                            "cuts": ["type": "array", "items": number, "minItems": 4, "maxItems": 4],
                        ],
                    ],
                    "options": [
                        "type": "array",
                        "items": object([
                            "value": string, "label": string,
                            "severity": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
                        ]),
                    ],
                    "source": text(.line), "archived": boolean,
                ], required: ["code", "sector", "label", "unit", "valueType"])
        ]
    }
}
