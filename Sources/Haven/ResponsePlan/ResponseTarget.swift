import Fluent
import Foundation

/// A target of the response plan: how many people a sector (or one of its activities) means to reach in
/// an area (or the whole operation) over a span of months.
final class ResponseTarget: Model, Audited, @unchecked Sendable {
    static let schema = "response_targets"
    static let auditEntity = "response target"

    @ID(key: .id) var id: UUID?
    @Field(key: "sector") var sector: String
    /// Empty for a target of the whole sector.
    @Field(key: "activity_code") var activityCode: String
    /// Empty for the whole operation.
    @Field(key: "area_pcode") var areaPcode: String
    @Field(key: "indicator") var indicator: String
    @Field(key: "from_month") var fromMonth: String
    @Field(key: "to_month") var toMonth: String
    @Field(key: "people") var people: Int
    @Field(key: "comment") var comment: String
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    var auditLabel: String { "\(activityCode.isEmpty ? sector : activityCode) \(areaPcode) \(fromMonth)–\(toMonth)" }

    var auditFields: [String: String] {
        [
            "sector": sector, "activity": activityCode, "adminArea": areaPcode, "indicator": indicator,
            "fromMonth": fromMonth,
            "toMonth": toMonth, "people": String(people), "comment": comment,
        ]
    }

    /// What makes two targets the same target: a plan sets one figure per scope and period.
    var scopeKey: String { [sector, activityCode, areaPcode, fromMonth, toMonth].joined(separator: "|") }

    var value: ResponseProgress.Target {
        ResponseProgress.Target(
            id: id!, sector: sector, activity: activityCode.isEmpty ? nil : activityCode,
            areaPcode: areaPcode.isEmpty ? nil : areaPcode, from: .stored(fromMonth),
            to: .stored(toMonth), people: people)
    }
}

struct CreateResponseTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ResponseTarget.schema)
            .id()
            .field("sector", .string, .required)
            .field("activity_code", .string, .required)
            .field("area_pcode", .string, .required)
            .field("indicator", .string, .required)
            .field("from_month", .string, .required)
            .field("to_month", .string, .required)
            .field("people", .int32, .required)
            .field("comment", .string, .required)
            .field("archived_at", .datetime)
            .create()
        try await database.createIndex("response_targets_sector", on: ResponseTarget.schema, "sector", "from_month")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResponseTarget.schema).delete()
    }
}
