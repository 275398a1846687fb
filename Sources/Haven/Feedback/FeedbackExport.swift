import Fluent
import Vapor

/// Feedback as a table for analysis beside the site data, streamed in batches: one row per item that is not
/// sensitive, with what it was about and how it was handled, never what was said nor who said it. Sensitive
/// items are left out; they are counted, with small counts suppressed, in the figures. Each person exports only
/// the items they may list: item by item, a whole operation's rows would undo the figures' suppression.
enum FeedbackExport {
    static let columns: [(header: String, hashtag: String, value: @Sendable (FeedbackItem, [UUID: String]) -> String)] =
        [
            ("reference", "#meta+ref", { item, _ in item.reference }),
            ("received_month", "#date+received", { item, _ in item.receivedMonth }),
            ("site_code", "#loc+code", { item, sites in sites[item.$site.id] ?? "" }),
            ("category", "#meta+category", { item, _ in item.categoryCode }),
            ("channel", "#meta+channel", { item, _ in item.channel.rawValue }),
            ("sector", "#sector", { item, _ in item.sector }),
            ("status", "#status", { item, _ in item.status.rawValue }),
            ("sex", "#meta+sex", { item, _ in item.sex?.rawValue ?? "" }),
            ("age_group", "#meta+age", { item, _ in item.ageGroup?.rawValue ?? "" }),
            (
                "answered_in_time", "#meta+answered",
                { item, _ in
                    item.wantsAnswer
                        ? String(FeedbackDeadlines.answeredInTime(respondedAt: item.respondedAt, due: item.due)) : ""
                }
            ),
            ("satisfaction", "#meta+satisfaction", { item, _ in item.satisfaction?.rawValue ?? "" }),
        ]

    static func csv(_ list: FeedbackFilter, from: ReportingMonth, to: ReportingMonth, on db: any Database) async throws
        -> Response
    {
        let sites = try await siteCodes(on: db)
        let response = Response(
            status: .ok,
            body: .init(managedAsyncStream: { writer in
                try await writer.writeBuffer(
                    ByteBuffer(
                        string: CSV.line(columns.map(\.header)) + "\r\n" + CSV.line(columns.map(\.hashtag)) + "\r\n"))
                try await eachBatch(list, from: from, to: to, on: db) { batch in
                    try await writer.writeBuffer(
                        ByteBuffer(
                            string: batch.map { item in CSV.exportLine(columns.map { $0.value(item, sites) }) + "\r\n" }
                                .joined()))
                }
            }))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "haven-feedback-\(from)-\(to).csv")
        return response
    }

    /// The same table as an Excel workbook.
    static func xlsx(_ list: FeedbackFilter, from: ReportingMonth, to: ReportingMonth, on req: Request) async throws
        -> Response
    {
        let sites = try await siteCodes(on: req.db)
        return try await WorkbookWriter.download(
            sheetName: "Feedback", filename: "haven-feedback-\(from)-\(to).xlsx", on: req
        ) { workbook in
            workbook.append(columns.map { .text($0.header) })
            workbook.append(columns.map { .text($0.hashtag) })
            try await eachBatch(list, from: from, to: to, on: req.db) { batch in
                for item in batch { workbook.append(columns.map { .text($0.value(item, sites)) }) }
            }
        }
    }

    private static func siteCodes(on db: any Database) async throws -> [UUID: String] {
        Dictionary(
            try await Site.query(on: db).field(\.$id).field(\.$code).all().map { ($0.id!, $0.code) },
            uniquingKeysWith: { a, _ in a })
    }

    /// The items that may be exported, in batches by id.
    private static func eachBatch(
        _ list: FeedbackFilter, from: ReportingMonth, to: ReportingMonth, on db: any Database,
        _ body: ([FeedbackItem]) async throws -> Void
    ) async throws {
        var last: UUID?
        while true {
            let query = try await list.query(on: db).filter(\.$sensitive == false)
                .filter(\.$receivedMonth >= from.description).filter(\.$receivedMonth <= to.description)
            if let last { query.filter(\.$id > last) }
            let batch = try await query.sort(\.$id).limit(2000).all()
            guard !batch.isEmpty else { return }
            try await body(batch)
            last = batch.last?.id
        }
    }
}
