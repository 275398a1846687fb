import Fluent
import Foundation
import SQLKit

/// One line of the 5W: who (reporting and implementing organisation, donor) does what (activity of a
/// sector), where (a site or an admin area), when (status, dates, reporting month), for whom (people
/// targeted and reached by sex and age).
final class Activity: Model, Audited, @unchecked Sendable {
    static let schema = "activities"
    static let auditEntity = "activity"

    @ID(key: .id) var id: UUID?
    @Parent(key: "reporting_organisation_id") var reportingOrganisation: Organisation
    @OptionalParent(key: "implementing_organisation_id") var implementingOrganisation: Organisation?
    @OptionalParent(key: "donor_organisation_id") var donor: Organisation?
    @Parent(key: "activity_type_id") var activityType: ActivityType
    /// The activity's code and sector, kept beside the line for filters and analysis without joins.
    @Field(key: "activity_code") var activityCode: String
    @Field(key: "sector") var sector: String
    @OptionalParent(key: "site_id") var site: Site?
    /// The site's area, or the area of work outside sites.
    @Parent(key: "admin_area_id") var adminArea: AdminArea
    @Enum(key: "status") var status: ActivityStatus
    @Field(key: "start_on") var startOn: String
    @OptionalField(key: "end_on") var endOn: String?
    @Field(key: "month") var month: String
    @Enum(key: "modality") var modality: Modality
    @OptionalField(key: "targeted") var targeted: Int?
    @OptionalField(key: "reached") var reached: Int?
    /// Sex and age cells as `f0-4,f5-11,…,m60+`, empty where unknown.
    @Field(key: "targeted_cells") var targetedCells: String
    @Field(key: "reached_cells") var reachedCells: String
    @OptionalField(key: "households_targeted") var householdsTargeted: Int?
    @OptionalField(key: "households_reached") var householdsReached: Int?
    @Field(key: "comment") var comment: String
    /// Who, what, where, which month, how and for whom: what makes a line the same line when a partner
    /// sends their spreadsheet again.
    @Field(key: "natural_key") var naturalKey: String
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var auditLabel: String { "\(activityCode) \(month)" }

    var auditFields: [String: String] {
        [
            "reportingOrganisation": $reportingOrganisation.id.uuidString,
            "implementingOrganisation": $implementingOrganisation.id.auditText,
            "donor": $donor.id.auditText, "activity": activityCode, "site": $site.id.auditText,
            "adminArea": $adminArea.id.uuidString,
            "status": status.rawValue, "startOn": startOn, "endOn": endOn.auditText, "month": month,
            "modality": modality.rawValue,
            "targeted": targeted.auditText, "reached": reached.auditText, "targetedCells": targetedCells,
            "reachedCells": reachedCells,
            "householdsTargeted": householdsTargeted.auditText, "householdsReached": householdsReached.auditText,
            "comment": comment,
        ]
    }

    static func cells(_ people: People?) -> String {
        (people?.cells ?? Array(repeating: nil, count: 10)).map { $0.map(String.init) ?? "" }.joined(separator: ",")
    }

    static func people(total: Int?, cells: String) -> People? {
        guard let total else { return nil }
        let values = cells.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard values.count == 10 else { return People(total: total) }
        return People(total: total, female: Array(values[0..<5]), male: Array(values[5..<10]))
    }

    static func naturalKey(_ input: ActivityInput, location: UUID) -> String {
        [
            input.reportingOrganisationId.uuidString, input.implementingOrganisationId?.uuidString ?? "",
            input.donorOrganisationId?.uuidString ?? "",
            input.activity.uppercased(), location.uuidString, input.month.description, input.modality.rawValue,
        ].joined(separator: "|")
    }
}

extension Activity {
    /// Inserts new lines in statements of 500. Plain SQL rather than Fluent's create, which reflects over every
    /// field of every row: a partner's file or a whole cluster's month can hold a hundred thousand lines.
    static func insert(_ lines: [Activity], on db: any Database) async throws {
        for start in stride(from: 0, to: lines.count, by: 500) {
            var insert = db.sql.insert(into: schema).columns(
                "id", "reporting_organisation_id", "implementing_organisation_id", "donor_organisation_id",
                "activity_type_id", "activity_code",
                "sector", "site_id", "admin_area_id", "status", "start_on", "end_on", "month", "modality", "targeted",
                "reached",
                "targeted_cells", "reached_cells", "households_targeted", "households_reached", "comment",
                "natural_key", "archived_at", "updated_at")
            for line in lines[start..<min(start + 500, lines.count)] {
                insert = try insert.values(
                    [
                        SQLBind(line.requireID()), SQLBind(line.$reportingOrganisation.id),
                        SQLBind(line.$implementingOrganisation.id),
                        SQLBind(line.$donor.id), SQLBind(line.$activityType.id), SQLBind(line.activityCode),
                        SQLBind(line.sector),
                        SQLBind(line.$site.id), SQLBind(line.$adminArea.id), SQLBind(line.status.rawValue),
                        SQLBind(line.startOn),
                        SQLBind(line.endOn), SQLBind(line.month), SQLBind(line.modality.rawValue),
                        SQLBind(line.targeted), SQLBind(line.reached),
                        SQLBind(line.targetedCells), SQLBind(line.reachedCells), SQLBind(line.householdsTargeted),
                        SQLBind(line.householdsReached),
                        SQLBind(line.comment), SQLBind(line.naturalKey), SQLBind(line.archivedAt), SQLBind(Date()),
                    ] as [any SQLExpression])
            }
            try await insert.run()
        }
    }
}

struct CreateActivities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Activity.schema)
            .id()
            .field("reporting_organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("implementing_organisation_id", .uuid, .references(Organisation.schema, "id"))
            .field("donor_organisation_id", .uuid, .references(Organisation.schema, "id"))
            .field("activity_type_id", .uuid, .required, .references(ActivityType.schema, "id"))
            .field("activity_code", .string, .required)
            .field("sector", .string, .required)
            .field("site_id", .uuid, .references(Site.schema, "id"))
            .field("admin_area_id", .uuid, .required, .references(AdminArea.schema, "id"))
            .field("status", .string, .required)
            .field("start_on", .string, .required)
            .field("end_on", .string)
            .field("month", .string, .required)
            .field("modality", .string, .required)
            .field("targeted", .int32)
            .field("reached", .int32)
            .field("targeted_cells", .string, .required)
            .field("reached_cells", .string, .required)
            .field("households_targeted", .int32)
            .field("households_reached", .int32)
            .field("comment", .string, .required)
            .field("natural_key", .string, .required)
            .field("archived_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.createIndex("activities_month", on: Activity.schema, "month", "sector")
        try await database.createIndex("activities_site", on: Activity.schema, "site_id", "sector", "status")
        try await database.createIndex(
            "activities_reporting", on: Activity.schema, "reporting_organisation_id", "month")
        try await database.createIndex("activities_implementing", on: Activity.schema, "implementing_organisation_id")
        try await database.createIndex("activities_area", on: Activity.schema, "admin_area_id")
        try await database.createIndex("activities_key", on: Activity.schema, "natural_key")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Activity.schema).delete()
    }
}

/// A reporting month a coordinator has closed: its lines can no longer change until it is reopened.
final class LockedMonth: Model, Audited, @unchecked Sendable {
    static let schema = "locked_months"
    static let auditEntity = "locked month"

    @ID(key: .id) var id: UUID?
    @Field(key: "month") var month: String
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    init(month: ReportingMonth) {
        self.month = month.description
    }

    var auditLabel: String { month }
    var auditFields: [String: String] { ["month": month] }
}

struct CreateLockedMonths: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LockedMonth.schema)
            .id()
            .field("month", .string, .required)
            .field("archived_at", .datetime)
            .unique(on: "month")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LockedMonth.schema).delete()
    }
}

/// The month's work and the plan's progress are read from this index alone: the lines' rows are wide
/// (sex and age cells, comments, keys) and a 5W holds hundreds of thousands of them.
struct IndexActivityAnalysis: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createIndex(
            "activities_analysis", on: Activity.schema, "month", "sector", "activity_code", "admin_area_id", "site_id",
            "implementing_organisation_id", "reporting_organisation_id", "status", "start_on", "end_on", "reached",
            "targeted", "archived_at")
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX activities_analysis").run()
    }
}

/// The 5W list reads its page in the index's order (newest month first) instead of sorting every line: at
/// 50,000 lines, 0.2 ms instead of 14 ms.
struct IndexLiveActivityLists: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createLiveIndex(
            "activities_live_list", on: Activity.schema, "month DESC", "activity_code", "id")
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "activities_live_list").run()
    }
}

/// The 5W totals (lines, people targeted and reached) read from this index alone when no filter is set,
/// instead of every wide line: at 50,000 lines, 8 ms instead of 40. `archived_at` is a column too so that
/// the index covers the condition it is partial on. Filter columns are left out on purpose: with them,
/// SQLite's planner chose this index for a filtered list too and sorted the matches instead of reading
/// `activities_live_list` in order.
struct IndexLiveActivityTotals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createLiveIndex(
            "activities_live_totals", on: Activity.schema, "targeted", "reached", "archived_at")
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "activities_live_totals").run()
    }
}
