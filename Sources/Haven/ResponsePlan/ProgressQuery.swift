import Fluent
import SQLKit
import Vapor

/// Reads what progress needs: the targets asked for and the reach of the lines in their months, summed in
/// the database by sector, activity, area, organisation and month (and site, only when asked by site).
struct ProgressQuery {
    var sector: String?
    var adminArea: String?
    var dimension: ResponseProgress.Dimension?

    init(sector: String? = nil, adminArea: String? = nil, dimension: ResponseProgress.Dimension? = nil) {
        self.sector = sector
        self.adminArea = adminArea
        self.dimension = dimension
    }

    init(_ req: Request) throws {
        sector = (req.query["sector"] as String?).nonEmpty
        adminArea = (req.query["adminArea"] as String?).nonEmpty?.uppercased()
        if let raw = (req.query["by"] as String?).nonEmpty {
            guard let dimension = ResponseProgress.Dimension(rawValue: raw) else {
                throw HavenError.invalid([
                    FieldError("by", "'\(raw)' is not one of \(ResponseProgress.Dimension.codeList)")
                ])
            }
            self.dimension = dimension
        }
    }

    /// The targets in force, in plan order: sector, then the whole sector before its activities, then area and period.
    func targets(on db: any Database) async throws -> [ResponseTarget] {
        let query = ResponseTarget.query(on: db).live()
        if let sector { query.filter(\.$sector == sector) }
        if let adminArea { query.filter(\.$areaPcode == adminArea) }
        return try await query.sort(\.$sector).sort(\.$activityCode).sort(\.$areaPcode).sort(\.$fromMonth).all()
    }

    /// Each target in force with its progress, in plan order, and the names to show them with.
    func progress(on db: any Database) async throws -> (
        targets: [ResponseTarget], progress: [ResponseProgress.Progress], names: ActivityNames
    ) {
        let targets = try await targets(on: db)
        let names = try await ActivityNames.load(on: db, sites: dimension == .site)
        var progress: [UUID: ResponseProgress.Progress] = [:]
        // Targets of one plan share their months: the reach is summed once per span of months, in the database.
        for group in Dictionary(grouping: targets.map(\.value), by: { "\($0.from) \($0.to)" }).values {
            let reach = try await Self.reach(
                from: group[0].from, to: group[0].to, sectors: Set(group.map(\.sector)), by: dimension,
                names: names, on: db)
            for p in ResponseProgress.progress(group, reach, by: dimension) { progress[p.target.id] = p }
        }
        // Every target has its progress; pairing them keeps the two lists aligned whatever the store holds.
        let paired = targets.compactMap { target in target.id.flatMap { progress[$0] }.map { (target, $0) } }
        return (paired.map(\.0), paired.map(\.1), names)
    }

    /// Reach of the lines that are not archived or cancelled in the months and sectors asked for, summed by sector,
    /// activity and area, and by the dimension asked for. Rows without a month carry the span's first month.
    static func reach(
        from first: ReportingMonth, to last: ReportingMonth, sectors: Set<String>,
        by dimension: ResponseProgress.Dimension?,
        names: ActivityNames, on db: any Database
    ) async throws -> [ResponseProgress.Reach] {
        struct Row: Decodable {
            var sector: String, activityCode: String, areaID: UUID, part: String?
            var reached: Int?, targeted: Int?
        }
        let part: SQLQueryString =
            switch dimension {
            case .organisation: "COALESCE(implementing_organisation_id, reporting_organisation_id)"
            case .site: "site_id"
            case .month: "month"
            case .area, nil: "NULL"
            }
        // PostgreSQL refuses a constant in GROUP BY, so the part is grouped only when there is one.
        let groupPart: SQLQueryString = [.organisation, .site, .month].contains(dimension) ? ", \(part)" : ""
        let rows = try await db.sql.raw(
            """
            SELECT sector, activity_code AS "activityCode", admin_area_id AS "areaID", \(part) AS part, SUM(reached) AS reached, SUM(targeted) AS targeted
            FROM \(ident: Activity.schema)
            WHERE month >= \(bind: first.description) AND month <= \(bind: last.description) AND sector IN (\(binds: Array(sectors)))
              AND archived_at IS NULL AND status <> 'cancelled'
            GROUP BY sector, activity_code, admin_area_id\(groupPart)
            """
        ).all(decoding: Row.self)
        var paths: [UUID: [String]] = [:]
        return rows.map { row in
            let path = paths[row.areaID] ?? names.path(row.areaID)
            paths[row.areaID] = path
            return ResponseProgress.Reach(
                sector: row.sector, activity: row.activityCode, areaPath: path,
                siteID: dimension == .site ? row.part.flatMap(UUID.init(uuidString:)) : nil,
                organisationID: dimension == .organisation ? row.part.flatMap(UUID.init(uuidString:)) : nil,
                month: dimension == .month ? row.part.flatMap(ReportingMonth.init) ?? first : first,
                reached: row.reached ?? 0, targeted: row.targeted ?? 0)
        }
    }

    /// What a person reads for a part's key: a site's code, an organisation's acronym, an area's name.
    static func label(_ key: String, _ dimension: ResponseProgress.Dimension?, _ names: ActivityNames) -> String {
        switch dimension {
        case .site: UUID(uuidString: key).flatMap { names.sites[$0]?.code } ?? key
        case .organisation: UUID(uuidString: key).map(names.organisation) ?? key
        case .area: names.areaNames[key].map { "\($0) (\(key))" } ?? key
        case .month, nil: key
        }
    }
}
