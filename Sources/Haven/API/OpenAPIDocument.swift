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

    /// Every operation as (method, path, summary, request schema, response schema, status, extra parameters).
    static let operations: [Operation] = [
        Operation(
            "post", "/sessions", "Log in and receive a bearer token", body: "Credentials", response: "Session",
            status: 201, anonymous: true),
        Operation("delete", "/sessions/current", "Log out: revoke the token used", status: 204),
        Operation(
            "get", "/sites", "List sites", response: list("Site"),
            query: paging + ["q", "type", "status", "adminArea", "managementAgency", "archived", "sort"]),
        Operation("post", "/sites", "Add a site", body: "SiteInput", response: "Site", status: 201),
        Operation("get", "/sites/{id}", "Read a site", response: "Site"),
        Operation("put", "/sites/{id}", "Change a site (send back what you read)", body: "SiteInput", response: "Site"),
        Operation("post", "/sites/{id}/archive", "Archive a site", response: "Site"),
        Operation("post", "/sites/{id}/restore", "Restore an archived site", response: "Site"),
        Operation(
            "get", "/sites/{id}/status-history", "A site's dated status changes", response: list("StatusChange"),
            query: paging),
        Operation(
            "get", "/sites/{id}/audit-events", "A site's audit trail", response: list("AuditEvent"), query: paging),
        Operation(
            "get", "/sites/{id}/population-counts", "A site's population counts, newest first",
            response: list("PopulationCount"), query: paging + ["archived"]),
        Operation(
            "post", "/sites/{id}/population-counts", "Record a population count", body: "PopulationCount",
            response: "PopulationCount", status: 201),
        Operation("get", "/population-counts/{count}", "Read a population count", response: "PopulationCount"),
        Operation(
            "put", "/population-counts/{count}", "Correct a population count", body: "PopulationCount",
            response: "PopulationCount"),
        Operation(
            "post", "/population-counts/{count}/archive", "Archive a population count", response: "PopulationCount"),
        Operation(
            "post", "/population-counts/{count}/restore", "Restore a population count", response: "PopulationCount"),
        Operation(
            "get", "/admin-areas", "List administrative areas", response: list("AdminArea"),
            query: paging + ["q", "level", "parent"]),
        Operation(
            "post", "/admin-areas", "Add an administrative area", body: "AdminArea", response: "AdminArea", status: 201),
        Operation("get", "/admin-areas/{id}", "Read an administrative area", response: "AdminArea"),
        Operation(
            "put", "/admin-areas/{id}", "Change an administrative area", body: "AdminArea", response: "AdminArea"),
        Operation("post", "/admin-areas/{id}/archive", "Archive an administrative area", response: "AdminArea"),
        Operation("post", "/admin-areas/{id}/restore", "Restore an administrative area", response: "AdminArea"),
        Operation(
            "get", "/organisations", "List organisations", response: list("Organisation"),
            query: paging + ["q", "type"]),
        Operation(
            "post", "/organisations", "Add an organisation", body: "Organisation", response: "Organisation", status: 201
        ),
        Operation("get", "/organisations/{id}", "Read an organisation", response: "Organisation"),
        Operation(
            "put", "/organisations/{id}", "Change an organisation", body: "Organisation", response: "Organisation"),
        Operation("post", "/organisations/{id}/archive", "Archive an organisation", response: "Organisation"),
        Operation("post", "/organisations/{id}/restore", "Restore an organisation", response: "Organisation"),
        Operation("get", "/users", "List accounts (administrators)", response: list("User"), query: paging + ["q"]),
        Operation(
            "post", "/users", "Open an account (administrators)", body: "AccountInput", response: "User", status: 201),
        Operation("get", "/users/{id}", "Read an account (administrators)", response: "User"),
        Operation("put", "/users/{id}", "Change an account (administrators)", body: "AccountInput", response: "User"),
        Operation("post", "/users/{id}/archive", "Archive an account and end its sessions", response: "User"),
        Operation("post", "/users/{id}/restore", "Restore an account", response: "User"),
        Operation(
            "get", "/audit-events", "The whole audit trail (administrators)", response: list("AuditEvent"),
            query: paging + ["entity", "entityId", "actor", "action", "from", "to"]),
        Operation(
            "get", "/indicators", "The monitoring catalogue, in questionnaire order", response: list("Indicator"),
            query: paging + ["sector"]),
        Operation("get", "/indicators/{id}", "Read an indicator", response: "Indicator"),
        Operation(
            "put", "/indicators/{id}", "Adapt an indicator's wording, standard and bands (coordinators)",
            body: "Indicator", response: "Indicator"),
        Operation(
            "get", "/sites/{id}/rounds", "A site's monitoring rounds, newest first", response: list("Round"),
            query: paging),
        Operation(
            "post", "/sites/{id}/rounds", "Record a monitoring round; it is scored with the current catalogue",
            body: "RoundInput", response: "Round", status: 201),
        Operation("get", "/rounds/{round}", "Read a monitoring round", response: "Round"),
        Operation(
            "get", "/gap-analysis",
            "Sites ranked by severity (worst first, then most people), unmet standards and totals",
            response: "GapAnalysis", query: paging + ["adminArea", "sector", "type", "status", "minSeverity"]),
        Operation(
            "get", "/activities", "The 5W: activity lines, newest month first (partners see their own organisation's)",
            response: list("Activity"),
            query: paging + ["sector", "organisation", "site", "adminArea", "status", "month", "archived"]),
        Operation(
            "post", "/activities", "Report an activity line; warnings come back with it", body: "ActivityInput",
            response: "Activity", status: 201),
        Operation("get", "/activities/{id}", "Read an activity line", response: "Activity"),
        Operation("put", "/activities/{id}", "Correct an activity line", body: "ActivityInput", response: "Activity"),
        Operation("post", "/activities/{id}/archive", "Archive an activity line", response: "Activity"),
        Operation("post", "/activities/{id}/restore", "Restore an activity line", response: "Activity"),
        Operation(
            "post", "/activities/imports",
            "Check a 5W file (multipart field 'file', CSV or .xlsx): the preview with every row error and warning",
            body: "ImportFile", response: "ImportPreview", refusal: "ImportPreview"),
        Operation("post", "/activities/imports/{staged}/commit", "Import a checked 5W file", response: "ImportPreview"),
        Operation(
            "get", "/exports/activities.csv",
            "The 5W as CSV with an HXL hashtag row, streamed; same filters as the list",
            query: ["sector", "organisation", "site", "adminArea", "status", "month", "archived"]),
        Operation(
            "get", "/exports/activities.xlsx",
            "The 5W as an Excel workbook (header and HXL rows, people as numbers); same filters as the list",
            query: ["sector", "organisation", "site", "adminArea", "status", "month", "archived"]),
        Operation(
            "get", "/exports/sites.geojson",
            "Sites with coordinates as GeoJSON points: status, current population, latest severity; streamed"),
        Operation(
            "get", "/locked-months", "Reporting months closed to changes", response: list("LockedMonth"), query: paging),
        Operation(
            "post", "/locked-months/{month}/lock", "Close a reporting month to changes (coordinators)",
            response: "LockedMonth"),
        Operation(
            "post", "/locked-months/{month}/unlock", "Reopen a reporting month (coordinators)", response: "LockedMonth"),
        Operation(
            "get", "/analysis/gaps",
            "Sites at severity 3+ in a sector with no planned or ongoing activity of that sector in the month",
            response: list("Gap"), query: paging + ["month", "responseSector", "adminArea", "type", "status"]),
        Operation(
            "get", "/analysis/duplications",
            "Several organisations with the same activity at the same site at the same time, in the month",
            response: list("Duplication"), query: paging + ["month"]),
        Operation(
            "get", "/targets", "The response plan's targets in force", response: list("Target"),
            query: paging + ["sector", "adminArea"]),
        Operation(
            "post", "/targets", "Set a response plan target (coordinators)", body: "TargetInput", response: "Target",
            status: 201),
        Operation("get", "/targets/{id}", "Read a target", response: "Target"),
        Operation("put", "/targets/{id}", "Correct a target (coordinators)", body: "TargetInput", response: "Target"),
        Operation("post", "/targets/{id}/archive", "Archive a target (coordinators)", response: "Target"),
        Operation("post", "/targets/{id}/restore", "Restore a target (coordinators)", response: "Target"),
        Operation(
            "get", "/analysis/progress",
            "People reached against each target, optionally divided by area, site, organisation or month",
            response: list("Progress"), query: paging + ["sector", "adminArea", "by"]),
        Operation(
            "get", "/analysis/presence", "Who works in each site this month, by sector (site × sector matrix)",
            response: list("SitePresence"), query: paging + ["month", "sector", "adminArea", "level"]),
        Operation(
            "get", "/analysis/presence/areas",
            "How many organisations work in each area at a level this month, most first",
            response: list("AreaPresence"), query: paging + ["month", "sector", "adminArea", "level"]),
        Operation(
            "get", "/activity-types", "The activity catalogue by sector", response: list("ActivityType"),
            query: paging + ["sector", "archived"]),
        Operation(
            "post", "/activity-types", "Add an activity to the catalogue (coordinators)", body: "ActivityType",
            response: "ActivityType", status: 201),
        Operation("get", "/activity-types/{id}", "Read an activity of the catalogue", response: "ActivityType"),
        Operation(
            "put", "/activity-types/{id}", "Rename an activity (its code and sector never change)",
            body: "ActivityType", response: "ActivityType"),
        Operation(
            "post", "/activity-types/{id}/archive", "Archive an activity: no new reports of it",
            response: "ActivityType"),
        Operation("post", "/activity-types/{id}/restore", "Restore an archived activity", response: "ActivityType"),
        Operation(
            "get", "/feedback-categories", "Feedback categories: codes, labels, deadlines and which are sensitive",
            response: list("FeedbackCategory"),
            query: paging),
        Operation(
            "post", "/feedback-categories", "Add a feedback category (coordinators)", body: "FeedbackCategory",
            response: "FeedbackCategory", status: 201),
        Operation(
            "put", "/feedback-categories/{code}", "Change a category's label, deadlines or (while unused) sensitivity",
            body: "FeedbackCategory",
            response: "FeedbackCategory"),
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
        Operation(
            "get", "/services", "The service directory: what residents of each site can use", response: list("Service"),
            query: paging + ["site", "sector"]),
        Operation(
            "post", "/services", "Add a service to a site's directory", body: "Service", response: "Service",
            status: 201),
        Operation("put", "/services/{id}", "Change a service", body: "Service", response: "Service"),
        Operation("post", "/services/{id}/archive", "Take a service off the directory", response: "Service"),
        Operation("post", "/services/{id}/restore", "Put a service back on the directory", response: "Service"),
        Operation(
            "get", "/analysis/feedback",
            "Feedback as counts (small ones suppressed): by category, channel, sex, age and month, per site beside its severity, and sites with a functioning mechanism",
            response: "FeedbackFigures", query: ["from", "to"]),
        Operation(
            "get", "/exports/feedback.csv",
            "Feedback as CSV with an HXL row, streamed: no text, no contact, sensitive items left out (they are counted in the figures)",
            query: ["from", "to"]),
        Operation(
            "get", "/exports/feedback.xlsx", "The same feedback table as an Excel workbook (header and HXL rows)",
            query: ["from", "to"]),
        Operation("get", "/openapi.json", "This document", anonymous: true),
    ]

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
            "site": ["type": "string", "format": "uuid"],
            "organisation": ["type": "string", "format": "uuid"],
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
