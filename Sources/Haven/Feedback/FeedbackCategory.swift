import Fluent
import Foundation

/// A kind of feedback, with its deadlines. Categories marked sensitive (exploitation and abuse,
/// safeguarding, GBV, fraud, security) reach the designated focal points only, and their text is encrypted.
final class FeedbackCategory: Model, Audited, @unchecked Sendable {
    static let schema = "feedback_categories"
    static let auditEntity = "feedback category"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "label") var label: String
    @Field(key: "sensitive") var sensitive: Bool
    @Field(key: "acknowledge_days") var acknowledgeDays: Int
    /// How long the answer may take, in hours (72 for sensitive cases, 720 for the rest by default).
    @Field(key: "respond_hours") var respondHours: Int
    @Field(key: "position") var position: Int
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    /// The categories people choose from, in the operation's order: those not archived.
    static func choices(on db: any Database) async throws -> [FeedbackCategory] {
        try await FeedbackCategory.query(on: db).live().sort(\.$position).all()
    }

    init(code: String, label: String, sensitive: Bool, acknowledgeDays: Int, respondHours: Int, position: Int) {
        self.id = UUID()
        (self.code, self.label, self.sensitive, self.acknowledgeDays, self.respondHours, self.position) =
            (code, label, sensitive, acknowledgeDays, respondHours, position)
    }

    var auditLabel: String { "\(code) \(label)" }
    var auditFields: [String: String] {
        [
            "code": code, "label": label, "sensitive": String(sensitive), "acknowledgeDays": String(acknowledgeDays),
            "respondHours": String(respondHours),
        ]
    }

    var deadlines: FeedbackDeadlines.Policy { .init(acknowledgeDays: acknowledgeDays, respondHours: respondHours) }
}

/// The categories an operation starts with (shared/domain: no IASC text fixes them, so they are editable).
enum FeedbackCategorySeed {
    static let entries: [(code: String, label: String, sensitive: Bool)] = [
        ("THANKS", "Thanks or positive feedback", false),
        ("INFO", "Request for information", false),
        ("ASSIST", "Request for assistance", false),
        ("MINOR", "Minor dissatisfaction or suggestion", false),
        ("MAJOR", "Major dissatisfaction", false),
        ("OTHER-ORG", "Feedback about another organisation", false),
        ("PSEA", "Sexual exploitation or abuse by aid workers", true),
        ("SAFEGUARDING", "Safeguarding of a child or adult at risk", true),
        ("GBV", "Gender-based violence", true),
        ("FRAUD", "Fraud or corruption", true),
        ("SECURITY", "Security threat", true),
    ]

    static func categories() -> [FeedbackCategory] {
        entries.enumerated().map { index, entry in
            FeedbackCategory(
                code: entry.code, label: entry.label, sensitive: entry.sensitive, acknowledgeDays: 3,
                respondHours: entry.sensitive ? 72 : 30 * 24, position: index)
        }
    }

    static func seed(on db: any Database) async throws {
        let categories = categories()
        try await db.write { tx in
            try await categories.create(on: tx)
            try await AuditEvent.insert(categories.map { Audit.creation(of: $0, by: .commandLine("seed")) }, on: tx)
        }
    }
}

struct CreateFeedbackCategories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackCategory.schema)
            .id()
            .field("code", .string, .required)
            .field("label", .string, .required)
            .field("sensitive", .bool, .required)
            .field("acknowledge_days", .int32, .required)
            .field("respond_hours", .int32, .required)
            .field("position", .int32, .required)
            .field("archived_at", .datetime)
            .unique(on: "code")
            .create()
        try await FeedbackCategorySeed.seed(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackCategory.schema).delete()
    }
}
