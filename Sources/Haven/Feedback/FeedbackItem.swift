import Fluent
import Foundation

/// One piece of feedback or one complaint: how and where it arrived, what it is about, what the person wants,
/// and where it stands. What the person confided is sealed (see `FeedbackCipher`): the contact always, the
/// description and the response too when the category is sensitive.
final class FeedbackItem: Model, Audited, @unchecked Sendable {
    static let schema = "feedback"
    static let auditEntity = "feedback"

    @ID(key: .id) var id: UUID?
    /// What the person is given to ask about it later: short, unguessable, read aloud over a phone.
    @Field(key: "reference") var reference: String
    @Field(key: "received_at") var receivedAt: Date
    /// `yyyy-mm` of the receipt, for counting by month the same way on every engine.
    @Field(key: "received_month") var receivedMonth: String
    @Enum(key: "channel") var channel: FeedbackChannel
    @Parent(key: "site_id") var site: Site
    @Parent(key: "category_id") var category: FeedbackCategory
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "sensitive") var sensitive: Bool
    @Field(key: "sector") var sector: String
    /// Plain text, or sealed when the item is sensitive.
    @Field(key: "description") var description: String
    /// Always sealed; empty when the person gave none or did not consent to be contacted.
    @Field(key: "contact") var contact: String
    @Field(key: "consent_to_contact") var consentToContact: Bool
    @Field(key: "wants_answer") var wantsAnswer: Bool
    @OptionalEnum(key: "sex") var sex: FeedbackSex?
    @OptionalEnum(key: "age_group") var ageGroup: FeedbackAgeGroup?
    @OptionalField(key: "disability") var disability: Bool?
    @Enum(key: "status") var status: FeedbackStatus
    @OptionalParent(key: "referred_to_id") var referredTo: Organisation?
    @Field(key: "focal_point") var focalPoint: String
    /// Plain text, or sealed when the item is sensitive.
    @Field(key: "response") var response: String
    @OptionalEnum(key: "closed_via") var closedVia: FeedbackChannel?
    @OptionalEnum(key: "satisfaction") var satisfaction: FeedbackSatisfaction?
    @Field(key: "acknowledge_by") var acknowledgeBy: Date
    @Field(key: "respond_by") var respondBy: Date
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// When the item falls late (`FeedbackDeadlines.lateFrom`), kept with it so the late list is one ordered read.
    @OptionalField(key: "late_from") var lateFrom: Date?
    /// The ODK instance it was sent as, so that a resend is not a second item.
    @OptionalField(key: "instance_id") var instanceID: String?
    /// The fingerprint of the ODK submission it came from, to tell a resend from an edit (`ODKResend`).
    @OptionalField(key: "submission_hash") var submissionHash: String?
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    var auditLabel: String { reference }

    /// The workflow only: what people said, who they are and what they were told never enter the trail.
    var auditFields: [String: String] {
        [
            "reference": reference, "channel": channel.rawValue, "site": $site.id.uuidString, "category": categoryCode,
            "sector": sector, "status": status.rawValue,
            "referredTo": $referredTo.id.auditText, "closedVia": closedVia?.rawValue ?? "",
            "satisfaction": satisfaction?.rawValue ?? "",
        ]
    }

    var due: FeedbackDeadlines.Due { .init(acknowledgeBy: acknowledgeBy, respondBy: respondBy) }

    func scope(managedBy agency: UUID?) -> FeedbackScope {
        FeedbackScope(siteID: $site.id, managementAgencyID: agency, referredToID: $referredTo.id, sensitive: sensitive)
    }
}

struct CreateFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackItem.schema)
            .id()
            .field("reference", .string, .required)
            .field("received_at", .datetime, .required)
            .field("received_month", .string, .required)
            .field("channel", .string, .required)
            .field("site_id", .uuid, .required, .references(Site.schema, "id"))
            .field("category_id", .uuid, .required, .references(FeedbackCategory.schema, "id"))
            .field("category_code", .string, .required)
            .field("sensitive", .bool, .required)
            .field("sector", .string, .required)
            .field("description", .string, .required)
            .field("contact", .string, .required)
            .field("consent_to_contact", .bool, .required)
            .field("wants_answer", .bool, .required)
            .field("sex", .string)
            .field("age_group", .string)
            .field("disability", .bool)
            .field("status", .string, .required)
            .field("referred_to_id", .uuid, .references(Organisation.schema, "id"))
            .field("focal_point", .string, .required)
            .field("response", .string, .required)
            .field("closed_via", .string)
            .field("satisfaction", .string)
            .field("acknowledge_by", .datetime, .required)
            .field("respond_by", .datetime, .required)
            .field("acknowledged_at", .datetime)
            .field("responded_at", .datetime)
            .field("closed_at", .datetime)
            .field("archived_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.createIndex("feedback_site", on: FeedbackItem.schema, "site_id", "received_at")
        try await database.createIndex(
            "feedback_month", on: FeedbackItem.schema, "received_month", "site_id", "category_code", "channel", "sex",
            "age_group", "sector", "archived_at")
        // The late list is answered from this index alone: open statuses, their deadlines, and what the list filters on.
        try await database.createIndex(
            "feedback_late", on: FeedbackItem.schema, "status", "respond_by", "acknowledge_by", "sensitive",
            "archived_at", "site_id")
        try await database.createIndex("feedback_referred", on: FeedbackItem.schema, "referred_to_id", "status")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackItem.schema).delete()
    }
}
