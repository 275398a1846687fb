import Fluent
import Foundation
import SQLKit

/// Situation reports by any word of their text (a site, an area, a sector named in them): published ones for
/// everyone who reads operational data, drafts too for those who write reports.
enum ReportSearch: SearchSource {
    static let heading = "Situation reports"
    static let key = "reports"
    static let columns = ["text"]

    static func find(_ words: SearchWords, for user: UserContext, limit: Int, on db: any Database) async throws
        -> [SearchResult]
    {
        struct Row: Decodable {
            var month: String
            var text: String
            var status: SituationReport.Status
        }
        let match = FullTextIndex.matching(words, table: SituationReport.schema, alias: "r", columns: columns, on: db)
        let drafts: SQLQueryString =
            Permission.writeReports.isGranted(to: user)
            ? "" : " AND r.status = \(bind: SituationReport.Status.published.rawValue)"
        return try await db.sql.raw(
            """
            SELECT r.month, r.text, r.status FROM \(ident: SituationReport.schema) r
            WHERE r.archived_at IS NULL AND \(match)\(drafts) ORDER BY r.month DESC LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map {
            let month = ReportingMonth.stored($0.month)
            return SearchResult(
                title: Markdown.title($0.text) ?? ReportDraft.title(month),
                detail: "\(Format.month(month)) · \($0.status.label)", link: Paths.report.link($0.month))
        }
    }
}
