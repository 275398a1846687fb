import Fluent
import Foundation
import SQLKit

/// A 5W line as lists and exports read it: plain values, so that a page of fifty or an export of a
/// hundred thousand costs the rows and not Fluent's reflection over each model.
struct ActivityLine: Decodable, Sendable {
    var id: UUID
    var reportingOrganisationId: UUID
    var implementingOrganisationId: UUID?
    var donorOrganisationId: UUID?
    var activityCode: String
    var sector: String
    var siteId: UUID?
    var adminAreaId: UUID
    var status: ActivityStatus
    var startOn: String
    var endOn: String?
    var month: String
    var modality: Modality
    var targeted: Int?
    var reached: Int?
    var targetedCells: String
    var reachedCells: String
    var householdsTargeted: Int?
    var householdsReached: Int?
    var comment: String
    var archivedAt: Date?

    /// The columns as the query names them.
    enum CodingKeys: String, CodingKey {
        case id, sector, status, month, modality, targeted, reached, comment
        case reportingOrganisationId = "reporting_organisation_id"
        case implementingOrganisationId = "implementing_organisation_id"
        case donorOrganisationId = "donor_organisation_id"
        case activityCode = "activity_code"
        case siteId = "site_id"
        case adminAreaId = "admin_area_id"
        case startOn = "start_on"
        case endOn = "end_on"
        case targetedCells = "targeted_cells"
        case reachedCells = "reached_cells"
        case householdsTargeted = "households_targeted"
        case householdsReached = "households_reached"
        case archivedAt = "archived_at"
    }
}

extension ActivityLine {
    init(_ activity: Activity) throws {
        self.init(
            id: try activity.requireID(), reportingOrganisationId: activity.$reportingOrganisation.id,
            implementingOrganisationId: activity.$implementingOrganisation.id, donorOrganisationId: activity.$donor.id,
            activityCode: activity.activityCode, sector: activity.sector, siteId: activity.$site.id,
            adminAreaId: activity.$adminArea.id, status: activity.status, startOn: activity.startOn,
            endOn: activity.endOn, month: activity.month, modality: activity.modality, targeted: activity.targeted,
            reached: activity.reached, targetedCells: activity.targetedCells, reachedCells: activity.reachedCells,
            householdsTargeted: activity.householdsTargeted, householdsReached: activity.householdsReached,
            comment: activity.comment, archivedAt: activity.archivedAt)
    }
}

/// The 5W lines a filter matches: a page for the list and the API, totals, and batches for exports. The filter is
/// resolved once (its area looked up, a bad one refused) and then serves every read.
struct ActivityListQuery: Sendable {
    struct Totals: Decodable, Sendable {
        var lines: Int
        var targeted: Int?
        var reached: Int?
    }

    private static let columns: SQLQueryString = """
        l.id, l.reporting_organisation_id, l.implementing_organisation_id, l.donor_organisation_id, l.activity_code,
        l.sector, l.site_id, l.admin_area_id, l.status, l.start_on, l.end_on, l.month, l.modality, l.targeted,
        l.reached, l.targeted_cells, l.reached_cells, l.households_targeted, l.households_reached, l.comment,
        l.archived_at
        """

    private let conditions: SQLQueryString
    private let db: any Database

    init(_ filter: ActivityFilter, on db: any Database) async throws {
        conditions = try await filter.conditions(line: "l", on: db)
        self.db = db
    }

    /// Newest month first, then by activity.
    func page(_ page: PageRequest) async throws -> [ActivityLine] {
        try await db.sql.raw(
            """
            SELECT \(Self.columns) FROM activities l WHERE \(conditions)
            ORDER BY l.month DESC, l.activity_code, l.id LIMIT \(literal: page.limit) OFFSET \(literal: page.offset)
            """
        ).all(decoding: ActivityLine.self)
    }

    /// How many lines match, for the API's pages: counting reads only an index, summing reads every line.
    func count() async throws -> Int {
        let row = try await db.sql.raw("SELECT COUNT(*) AS lines FROM activities l WHERE \(conditions)").first()
        return try row?.decode(column: "lines", as: Int.self) ?? 0
    }

    func totals() async throws -> Totals {
        let totals = try await db.sql.raw(
            """
            SELECT COUNT(*) AS lines, SUM(l.targeted) AS targeted, SUM(l.reached) AS reached
            FROM activities l WHERE \(conditions)
            """
        ).first(decoding: Totals.self)
        return totals ?? Totals(lines: 0)
    }

    /// Every matching line, `batchSize` at a time in the order of their ids, so that memory stays flat.
    func eachBatch(batchSize: Int, _ body: ([ActivityLine]) async throws -> Void) async throws {
        var last: UUID?
        while true {
            let after: SQLQueryString = last.map { " AND l.id > \(bind: $0)" } ?? ""
            let batch = try await db.sql.raw(
                """
                SELECT \(Self.columns) FROM activities l WHERE \(conditions)\(after)
                ORDER BY l.id LIMIT \(literal: batchSize)
                """
            ).all(decoding: ActivityLine.self)
            if !batch.isEmpty { try await body(batch) }
            guard batch.count == batchSize, let next = batch.last?.id else { return }
            last = next
        }
    }
}
