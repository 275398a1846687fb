import Foundation

/// The OpenAPI 3.1 description of `/api/v1`. A test compares its operations with the router's,
/// so a route cannot be added or removed without the document following.
enum OpenAPIDocument {
    static let json: String = {
        // The document is built of plain strings, numbers and arrays, which always serialise.
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }()

    static var document: [String: Any] {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Haven API", "version": "1.0.0",
                "description":
                    "Sites, population and coordination data of a displacement operation. Lists share one envelope: items, total, limit, offset. Errors are application/problem+json.",
            ],
            "servers": [["url": "/api/v1"]],
            "security": [["bearer": []]],
            "paths": paths,
            "components": [
                "schemas": Schemas.all, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    /// Every operation: this document's own, and each capability's (`parts`).
    static var operations: [Operation] {
        [Operation("get", "/openapi.json", "This document", anonymous: true)] + parts.flatMap(\.operations)
    }

    static let paging = ["limit", "offset"]

    /// What each query parameter takes; any other is text of at most 200 characters.
    static var queryParameters: [String: [String: Any]] {
        [
            "limit": [
                "type": "integer", "minimum": 0, "maximum": PageRequest.maxOffset, "default": PageRequest.defaultLimit,
                "description": "At most \(PageRequest.maxLimit) items are sent, whatever is asked",
            ],
            "offset": ["type": "integer", "minimum": 0, "maximum": PageRequest.maxOffset, "default": 0],
            "level": ["type": "integer", "minimum": 0, "maximum": 4],
            "minSeverity": ["type": "integer", "minimum": 1, "maximum": 5],
            "month": Schemas.month, "from": Schemas.month, "to": Schemas.month,
            "archived": ["type": "string", "enum": ["true", "false"]],
            "overdue": ["type": "string", "enum": ["true", "false"]],
            "latest": [
                "type": "string", "enum": ["true", "false"], "description": "Only each site's latest round",
            ],
            "site": ["type": "string", "maxLength": 200, "description": "A site's code (any case) or id"],
            "activity": [
                "type": "string", "maxLength": 200, "description": "An activity code of the catalogue (any case)",
            ],
            "q": ["type": "string", "maxLength": 200, "description": "Text to look for"],
            "organisation": [
                "type": "string", "maxLength": 200, "description": "An organisation's id, acronym or name (any case)",
            ],
            "adminArea": [
                "type": "string", "maxLength": 200,
                "description": "An area's P-code, name (any case) or id: the area and everything inside it",
            ],
            "parent": ["type": "string", "maxLength": 200, "description": "An area's P-code, name (any case) or id"],
            "entityId": ["type": "string", "format": "uuid"],
            "action": Schemas.oneOf(AuditEvent.Action.self),
            "channel": Schemas.oneOf(FeedbackChannel.self),
        ]
    }

    static func list(_ item: String) -> String { "List:" + item }

    struct Operation {
        var method: String, path: String, summary: String
        var body: String?, response: String?, status: Int, query: [String], anonymous: Bool
        /// What a 422 carries besides a problem: a file's preview, with every row error.
        var refusal: String?
        /// The media type of a file answered instead of JSON (a download).
        var produces: String?

        init(
            _ method: String, _ path: String, _ summary: String, body: String? = nil, response: String? = nil,
            status: Int = 200, query: [String] = [], anonymous: Bool = false, refusal: String? = nil
        ) {
            (
                self.method, self.path, self.summary, self.body, self.response, self.status, self.query, self.anonymous,
                self.refusal
            ) =
                (method, path, summary, body, response, status, query, anonymous, refusal)
        }
    }

    /// A table's two downloads: CSV (byte-order mark, header row, HXL row) and the same table as Excel.
    static func downloads(_ download: Download, _ what: String, query: [String]) -> [Operation] {
        var csv = Operation(
            "get", download.csv.below(Paths.api).pattern,
            "\(what) as CSV: UTF-8 with a byte-order mark, a header row and an HXL hashtag row, streamed",
            query: query)
        csv.produces = "text/csv"
        var workbook = Operation(
            "get", download.workbook.below(Paths.api).pattern,
            "\(what) as an Excel workbook: bold frozen header and HXL rows with filters, numbers and dates as such",
            query: query)
        workbook.produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return [csv, workbook]
    }

    private static var paths: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            paths[op.path, default: [:]][op.method] = describe(op)
        }
        return paths
    }

    private static func describe(_ op: Operation) -> [String: Any] {
        var parameters: [[String: Any]] = op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
            let name = String($0.dropFirst().dropLast())
            // Months and category codes are words; every other path parameter is an id.
            let schema: [String: Any] =
                switch name {
                case "month": Schemas.month
                case "code": ["type": "string", "maxLength": 20]
                default: ["type": "string", "format": "uuid"]
                }
            return ["name": name, "in": "path", "required": true, "schema": schema]
        }
        parameters += op.query.map { name in
            [
                "name": name, "in": "query", "required": false,
                "schema": queryParameters[name] ?? ["type": "string", "maxLength": 200],
            ]
        }
        var responses: [String: Any] = [:]
        var success: [String: Any] = ["description": op.status == 204 ? "Done" : "Success"]
        if let response = op.response { success["content"] = ["application/json": ["schema": schemaRef(response)]] }
        if let produces = op.produces {
            success["content"] = [produces: ["schema": ["type": "string", "format": "binary"]]]
        }
        responses[String(op.status)] = success
        let problem: [String: Any] = [
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]
        ]
        var failures = [
            ("400", "Malformed request"), ("401", "Not logged in"), ("403", "Not allowed for this role or scope"),
            ("404", "Unknown id"),
            ("409", "In conflict with the record as it is now (a locked month, a taken key, done already)"),
            ("413", "Body larger than 20 MB"), ("422", "Invalid input: see errors"), ("429", "Too many failed logins"),
        ]
        if op.method != "get" {
            failures.append(("415", "Body of another type than JSON (or multipart/form-data for a file)"))
        }
        for (code, text) in failures {
            responses[code] = problem.merging(["description": text]) { a, _ in a }
        }
        if let refusal = op.refusal {
            responses["422"] = [
                "description": "A file that cannot be imported: its preview with every row error, or a problem",
                "content": [
                    "application/json": ["schema": schemaRef(refusal)],
                    "application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]],
                ],
            ]
        }
        var operation: [String: Any] = [
            "summary": op.summary, "parameters": parameters, "responses": responses,
            "operationId": op.method
                + op.path.replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_"),
        ]
        if let body = op.body {
            // Files travel as multipart forms, as browsers and ODK send them; everything else is JSON.
            let mediaType = body == "ImportFile" ? "multipart/form-data" : "application/json"
            operation["requestBody"] = ["required": true, "content": [mediaType: ["schema": schemaRef(body)]]]
        }
        if op.anonymous { operation["security"] = [[String: Any]]() }
        return operation
    }

    private static func schemaRef(_ name: String) -> [String: Any] {
        guard name.hasPrefix("List:") else { return ["$ref": "#/components/schemas/\(name)"] }
        return [
            "type": "object", "required": ["items", "total", "limit", "offset"],
            "properties": [
                "items": ["type": "array", "items": ["$ref": "#/components/schemas/\(name.dropFirst(5))"]],
                "total": ["type": "integer"], "limit": ["type": "integer"], "offset": ["type": "integer"],
            ],
        ]
    }
}
