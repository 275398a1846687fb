import Fluent
import SQLKit
import Vapor

/// The filters of the 5W list, read from the query string, and the partner's own view.
struct ActivityFilter {
    var sector: String?
    var organisation: UUID?
    var site: UUID?
    /// An activity code of the catalogue, in any case.
    var activity: String?
    var adminArea: String?
    var status: ActivityStatus?
    var month: ReportingMonth?
    var archived = false
    var user: UserContext

    /// Sites and organisations are named as people write them (a site code, an acronym) or by id.
    init(_ req: Request, user: UserContext) async throws {
        var errors: [FieldError] = []
        sector = (req.query["sector"] as String?).nonEmpty
        adminArea = (req.query["adminArea"] as String?).nonEmpty
        if let raw = (req.query["status"] as String?).nonEmpty {
            status = ActivityStatus(rawValue: raw)
            if status == nil {
                errors.append(
                    FieldError(
                        "status", "must be one of \(ActivityStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let raw = (req.query["month"] as String?).nonEmpty {
            month = ReportingMonth(raw)
            if month == nil { errors.append(ReportingMonth.refusal("month", raw)) }
        }
        archived = req.query["archived"] == "true"
        self.user = user
        organisation = try await Organisation.filtered(
            req.query["organisation"], field: "organisation", on: req.db, errors: &errors)
        site = try await Site.filtered(req.query["site"], field: "site", on: req.db, errors: &errors)
        if let raw = (req.query["activity"] as String?).nonEmpty {
            let code = raw.trimmed.uppercased()
            if try await ActivityType.query(on: req.db).filter(\.$code == code).first() == nil {
                errors.append(FieldError("activity", "'\(raw.prefix(40))' is not an activity code of the catalogue"))
            } else {
                activity = code
            }
        }
        try HavenError.check(errors)
    }

    /// Partners see the lines their organisation reports or implements; everyone else sees all.
    static func canSee(_ activity: Activity, _ user: UserContext) -> Bool {
        user.role != .partner
            || [activity.$reportingOrganisation.id, activity.$implementingOrganisation.id].contains(user.organisationID)
    }

    /// The filter as SQL conditions over `activities` aliased `line`; a partner's view is limited to the lines
    /// their organisation reports or implements. The area filter covers the area and everything inside it.
    func conditions(line: String, on db: any Database) async throws -> SQLQueryString {
        var sql: SQLQueryString = "\(unsafeRaw: line).archived_at IS \(unsafeRaw: archived ? "NOT NULL" : "NULL")"
        func either(_ organisation: UUID) -> SQLQueryString {
            """
             AND (\(unsafeRaw: line).reporting_organisation_id = \(bind: organisation) \
            OR \(unsafeRaw: line).implementing_organisation_id = \(bind: organisation))
            """
        }
        if user.role == .partner { sql = sql + either(user.organisationID ?? UUID()) }
        if let sector { sql = sql + " AND \(unsafeRaw: line).sector = \(bind: sector)" }
        if let organisation { sql = sql + either(organisation) }
        if let site { sql = sql + " AND \(unsafeRaw: line).site_id = \(bind: site)" }
        if let activity { sql = sql + " AND \(unsafeRaw: line).activity_code = \(bind: activity)" }
        if let status { sql = sql + " AND \(unsafeRaw: line).status = \(bind: status.rawValue)" }
        if let month { sql = sql + " AND \(unsafeRaw: line).month = \(bind: month.description)" }
        if let adminArea {
            let within = try await AdminAreaLookup.within(
                adminArea, column: line + ".admin_area_id", field: "adminArea", on: db)
            sql = sql + " AND \(within)"
        }
        return sql
    }
}
