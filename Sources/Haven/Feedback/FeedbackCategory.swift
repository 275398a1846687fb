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
    /// The label in each of the operation's other languages (`LocalLabels`, stored as JSON).
    @Field(key: "labels") var labelsJSON: String
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
        labelsJSON = "{}"
    }

    var labels: LocalLabels {
        get { LocalLabels(stored: labelsJSON) }
        set { labelsJSON = newValue.stored }
    }

    /// What people reading `language` call the category.
    func label(in language: String) -> String { labels.label(in: language, otherwise: label) }

    var auditLabel: String { "\(code) \(label)" }
    var auditFields: [String: String] {
        [
            "code": code, "label": label, "sensitive": String(sensitive), "acknowledgeDays": String(acknowledgeDays),
            "respondHours": String(respondHours), "labels": labels.auditText,
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

    /// The seeded categories in the other built-in languages, so that residents choosing what their message is
    /// about (a confidential case among the choices) read it in their language.
    static let translations: [String: [String: String]] = [
        "THANKS": [
            "fr": "Remerciements ou retour positif", "es": "Agradecimiento o comentario positivo",
            "ar": "شكر أو ملاحظة إيجابية",
        ],
        "INFO": ["fr": "Demande d'information", "es": "Solicitud de información", "ar": "طلب معلومات"],
        "ASSIST": ["fr": "Demande d'assistance", "es": "Solicitud de asistencia", "ar": "طلب مساعدة"],
        "MINOR": [
            "fr": "Insatisfaction mineure ou suggestion", "es": "Insatisfacción menor o sugerencia",
            "ar": "عدم رضا بسيط أو اقتراح",
        ],
        "MAJOR": ["fr": "Insatisfaction majeure", "es": "Insatisfacción grave", "ar": "عدم رضا كبير"],
        "OTHER-ORG": [
            "fr": "Retour sur une autre organisation", "es": "Comentario sobre otra organización",
            "ar": "ملاحظة حول منظمة أخرى",
        ],
        "PSEA": [
            "fr": "Exploitation ou abus sexuels par des travailleurs humanitaires",
            "es": "Explotación o abuso sexual por parte de trabajadores humanitarios",
            "ar": "الاستغلال أو الاعتداء الجنسي من قبل العاملين في المجال الإنساني",
        ],
        "SAFEGUARDING": [
            "fr": "Protection d'un enfant ou d'un adulte à risque", "es": "Protección de un niño o adulto en riesgo",
            "ar": "حماية طفل أو بالغ معرّض للخطر",
        ],
        "GBV": [
            "fr": "Violence basée sur le genre", "es": "Violencia de género",
            "ar": "العنف القائم على النوع الاجتماعي",
        ],
        "FRAUD": ["fr": "Fraude ou corruption", "es": "Fraude o corrupción", "ar": "احتيال أو فساد"],
        "SECURITY": ["fr": "Menace pour la sécurité", "es": "Amenaza a la seguridad", "ar": "تهديد أمني"],
    ]

    static func categories() -> [FeedbackCategory] {
        entries.enumerated().map { index, entry in
            let category = FeedbackCategory(
                code: entry.code, label: entry.label, sensitive: entry.sensitive, acknowledgeDays: 3,
                respondHours: entry.sensitive ? 72 : 30 * 24, position: index)
            category.labels = LocalLabels(translations[entry.code] ?? [:])
            return category
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
        // Seeded by AddFeedbackCategoryLabels, once the table has every column the model writes.
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackCategory.schema).delete()
    }
}

/// Each category's label in the operation's other languages. A new database is seeded here, with the built-in
/// translations; an older one gets them for each seeded category whose label nobody has reworded.
struct AddFeedbackCategoryLabels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackCategory.schema).field("labels", .string, .required, .sql(.default("{}")))
            .update()
        let existing = try await FeedbackCategory.query(on: database).all()
        guard !existing.isEmpty else { return try await FeedbackCategorySeed.seed(on: database) }
        let seeded = Dictionary(
            FeedbackCategorySeed.entries.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        for category in existing where seeded[category.code] == category.label && category.labels.byLanguage.isEmpty {
            let before = category.auditFields
            category.labels = LocalLabels(FeedbackCategorySeed.translations[category.code] ?? [:])
            try await Audit.update(
                category, before: before, by: .commandLine("migration: category labels"), on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackCategory.schema).deleteField("labels").update()
    }
}
