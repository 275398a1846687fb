import Foundation

extension OpenAPIDocument {
    /// The operations of `SearchAPI`.
    static var searchOperations: [Operation] {
        [
            Operation(
                "get", "/search",
                "Sites, areas, organisations and 5W activities holding every word of `q` (each as the start of a word), and a complaint by its reference for those who may list it; at most 20 of each",
                response: "SearchAnswer", query: ["q"])
        ]
    }
}

extension Schemas {
    /// The JSON shapes `SearchAPI` answers.
    static var searchSchemas: [String: Any] {
        let result = object(["title": string, "detail": string, "link": string])
        let group = object(["key": string, "heading": string, "results": ["type": "array", "items": result]])
        return ["SearchAnswer": object(["q": string, "groups": ["type": "array", "items": group]])]
    }
}
