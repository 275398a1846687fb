import Foundation

extension OpenAPIDocument {
    /// The operations of `ReportAPI`.
    static var reportOperations: [Operation] {
        [
            Operation(
                "get", "/reports",
                "Monthly situation reports, newest month first: published ones for everyone who reads operational data, drafts too for coordinators",
                response: list("ReportSummary"), query: paging),
            Operation(
                "post", "/reports",
                "Draft a month's report from the data (coordinators); 409 when the month already has one, 422 for a month after the current one",
                body: "NewReport", response: "Report", status: 201),
            Operation(
                "get", "/reports/{month}", "A month's report: its Markdown, status and the figures it was drafted from",
                response: "Report"),
            Operation(
                "put", "/reports/{month}",
                "Save a draft's Markdown (coordinators); 409 when the draft changed since `version` or is published",
                body: "ReportEdit", response: "Report"),
            Operation(
                "post", "/reports/{month}/publish",
                "Publish the draft as it is at `version`: from then on its text and figures never change; 409 otherwise",
                body: "ReportVersion", response: "Report"),
            Operation(
                "post", "/reports/{month}/redraft",
                "Draft the text and figures again from the data as they are now, replacing the text; 409 as for saving",
                body: "ReportVersion", response: "Report"),
            Operation(
                "post", "/reports/{month}/archive", "Discard a draft (archived); 409 for a published report",
                response: "Report"),
        ]
    }
}

extension Schemas {
    /// The JSON shapes `ReportAPI` reads and answers.
    static var reportSchemas: [String: Any] {
        let summary = object([
            "month": month, "title": string, "status": oneOf(SituationReport.Status.self), "version": integer,
            "draftedAt": moment, "publishedAt": optional(moment), "publishedBy": optional(string),
        ])
        let figure = object([
            "key": string, "label": string, "value": optional(integer), "previous": optional(integer),
            "unit": optional(string),
        ])
        let section = object([
            "title": string, "figures": ["type": "array", "items": figure], "markdown": string,
        ])
        let version: [String: Any] = ["type": "integer", "minimum": 1]
        return [
            "ReportSummary": summary,
            "Report": object([
                "summary": summary, "text": text(.document), "sections": ["type": "array", "items": section],
            ]),
            "NewReport": object(["month": month]),
            "ReportEdit": object(["text": text(.document), "version": version]),
            "ReportVersion": object(["version": version]),
        ]
    }
}
