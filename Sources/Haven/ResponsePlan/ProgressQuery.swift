import Fluent
import SQLKit
import Vapor

/// Reads what progress needs: the targets asked for and the reach of the lines in their months, summed in
/// the database by sector, activity, area, organisation and month (and site, only when asked by site).
struct ProgressQuery {
    var sector: String?
    var adminArea: String?
    var dimension: ResponseProgress.Dimension?

    init(_ req: Request) throws {
        sector = (req.query["sector"] as String?).nonEmpty
        adminArea = (req.query["adminArea"] as String?).nonEmpty?.uppercased()
        if let raw = (req.query["by"] as String?).nonEmpty {
            guard let dimension = ResponseProgress.Dimension(rawValue: raw) else {
                throw HavenError.invalid([FieldError("by", "'\(raw)' is not one of \(ResponseProgress.Dimension.codeList)")])
            }
            self.dimension = dimension
        }
    }

    /// The targets in force, in plan order: sector, then the whole sector before its activities, then area and period.
    func targets(on db: any Database) async throws -> [ResponseTarget] {
        let query = ResponseTarget.query(on: db).filter(\.$archivedAt == nil)
        if let sector { query.filter(\.$sector == sector) }
        if let adminArea { query.filter(\.$areaPcode == adminArea) }
        return try await query.sort(\.$sector).sort(\.$activityCode).sort(\.$areaPcode).sort(\.$fromMonth).all()
    }

    /// Each target in force with its progress, in plan order, and the names to show them with.
    func progress(on db: any Database) async throws -> (targets: [ResponseTarget], progress: [ResponseProgress.Progress], names: ActivityExport.Names) {
        let targets = try await targets(on: db)
        let values = targets.map(\.value)
        let names = try await ActivityExport.Names.load(on: db)
        guard let first = values.map(\.from).min(), let last = values.map(\.to).max() else { return ([], [], names) }
        let reach = try await Self.reach(from: first, to: last, sectors: Set(values.map(\.sector)), bySite: dimension == .site, names: names, on: db)
        return (targets, ResponseProgress.progress(values, reach, by: dimension), names)
    }

    /// Reach of the lines that are not archived or cancelled, in the months and sectors asked for.
    static func reach(from first: ReportingMonth, to last: ReportingMonth, sectors: Set<String>, bySite: Bool,
                      names: ActivityExport.Names, on db: any Database) async throws -> [ResponseProgress.Reach] {
        struct Row: Decodable {
            var sector: String, activity_code: String, admin_area_id: UUID, site_id: UUID?, organisation_id: UUID, month: String
            var reached: Int?, targeted: Int?
        }
        // PostgreSQL refuses a constant in GROUP BY, so the site is grouped only when asked for.
        let site: SQLQueryString = bySite ? "site_id" : "NULL"
        let groupSite: SQLQueryString = bySite ? ", site_id" : ""
        let rows = try await db.sql.raw("""
            SELECT sector, activity_code, admin_area_id, \(site) AS site_id,
                   COALESCE(implementing_organisation_id, reporting_organisation_id) AS organisation_id, month,
                   SUM(reached) AS reached, SUM(targeted) AS targeted
            FROM \(ident: Activity.schema)
            WHERE archived_at IS NULL AND status <> 'cancelled' AND month >= \(bind: first.description) AND month <= \(bind: last.description)
              AND sector IN (\(binds: Array(sectors)))
            GROUP BY sector, activity_code, admin_area_id, COALESCE(implementing_organisation_id, reporting_organisation_id), month\(groupSite)
            """).all(decoding: Row.self)
        return rows.compactMap { row in
            guard let month = ReportingMonth(row.month) else { return nil }
            return ResponseProgress.Reach(sector: row.sector, activity: row.activity_code, areaPath: names.path(row.admin_area_id), siteID: row.site_id,
                                          organisationID: row.organisation_id, month: month, reached: row.reached ?? 0, targeted: row.targeted ?? 0)
        }
    }
}
