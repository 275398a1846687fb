import Fluent
import Foundation

/// A month's situation report: a draft the IM officer edits, then, once published, a dated snapshot whose text
/// and figures never change. One live report per month.
final class SituationReport: Model, Audited, @unchecked Sendable {
    static let schema = "situation_reports"
    static let auditEntity = "situation report"

    enum Status: String, Codable, CaseIterable, Sendable {
        case draft, published

        var label: String { rawValue.capitalized }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "month") var month: String
    @Enum(key: "status") var status: Status
    /// The report as the IM officer wrote it, in Markdown.
    @Field(key: "text") var text: String
    /// The sections' figures as drafted (JSON of `[ReportPart]`), frozen with the text when it is published.
    @Field(key: "parts") var partsJSON: String
    @Field(key: "drafted_at") var draftedAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "published_by") var publishedBy: String
    /// Raised by every change, so that a change made on an older copy is refused instead of overwriting.
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    init(month: ReportingMonth, text: String, parts: [ReportPart], draftedAt: Date) {
        self.month = month.description
        status = .draft
        self.text = text
        partsJSON = Self.encode(parts)
        self.draftedAt = draftedAt
        publishedBy = ""
        version = 1
    }

    var reportingMonth: ReportingMonth { ReportingMonth.stored(month) }

    /// The figures kept with the report; none if the stored text cannot be read.
    var parts: [ReportPart] { (try? JSONDecoder().decode([ReportPart].self, from: Data(partsJSON.utf8))) ?? [] }

    static func encode(_ parts: [ReportPart]) -> String {
        (try? JSONEncoder().encode(parts)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    var auditLabel: String { "Situation report \(month)" }
    var auditFields: [String: String] {
        ["month": month, "status": status.rawValue, "text": text, "publishedBy": publishedBy]
    }
}

struct CreateSituationReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SituationReport.schema)
            .id()
            .field("month", .string, .required)
            .field("status", .string, .required)
            .field("text", .string, .required)
            .field("parts", .string, .required)
            .field("drafted_at", .datetime, .required)
            .field("published_at", .datetime)
            .field("published_by", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .field("archived_at", .datetime)
            .create()
        try await LiveUniqueIndex.create(
            "situation_reports_one_per_month", for: SituationReport.self, columns: ["month"],
            newestFirst: "drafted_at DESC", on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SituationReport.schema).delete()
    }
}
