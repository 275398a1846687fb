import Fluent
import SQLKit
import Vapor

/// The month's work for the presence views, filtered by sector and area, with the names to show it.
struct PresenceQuery {
    var month: ReportingMonth
    var sector: String?
    var adminArea: String?
    /// The level of the areas that organisations are counted in (1 = provinces).
    var level: Int

    /// The whole operation's presence in a month, by province.
    init(month: ReportingMonth) {
        self.month = month
        level = 1
    }

    init(_ req: Request) throws {
        month = try ResponseAnalysisQuery.month(req)
        sector = (req.query["sector"] as String?).nonEmpty
        adminArea = (req.query["adminArea"] as String?).nonEmpty?.uppercased()
        let rawLevel = (req.query["level"] as String?).nonEmpty
        guard let level = rawLevel.map({ Int($0) }) ?? 1, (1...4).contains(level) else {
            throw HavenError.invalid([FieldError("level", "'\(rawLevel ?? "")' is not an admin level from 1 to 4")])
        }
        self.level = level
    }

    struct Result {
        var sites: [UUID: [String: Set<UUID>]]
        var areas: [Presence.Area]
        var names: ActivityNames
    }

    /// `sites: false` when no site is named (the areas alone).
    func load(on db: any Database, sites: Bool = true) async throws -> Result {
        let names = try await ActivityNames.load(on: db, sites: sites)
        var paths: [UUID: [String]] = [:]
        func path(_ area: UUID) -> [String] {
            if let known = paths[area] { return known }
            paths[area] = names.path(area)
            return paths[area]!
        }
        let work = try await entries(on: db).filter { w in adminArea.map { path(w.areaID).contains($0) } ?? true }
        let areas = Presence.areas(work) { path($0.areaID).dropFirst(level).first }
        return Result(sites: Presence.sites(work), areas: areas, names: names)
    }

    /// Who did what where in the month, each combination once: a few thousand rows however long the 5W.
    private func entries(on db: any Database) async throws -> [Presence.Entry] {
        struct Row: Decodable {
            var siteID: UUID?
            var areaID: UUID
            var sector: String
            var organisationID: UUID
            var status: String
        }
        let sectorFilter: SQLQueryString = sector.map { "AND sector = \(bind: $0)" } ?? ""
        let rows = try await db.sql.raw(
            """
            SELECT DISTINCT site_id AS "siteID", admin_area_id AS "areaID", sector,
              COALESCE(implementing_organisation_id, reporting_organisation_id) AS "organisationID", status
            FROM \(ident: Activity.schema) WHERE month = \(bind: month.description) AND archived_at IS NULL \(sectorFilter)
            AND start_on <= \(bind: month.lastDay.description) AND (end_on IS NULL OR end_on >= \(bind: month.firstDay.description))
            """
        ).all(decoding: Row.self)
        return rows.compactMap { row in
            ActivityStatus(rawValue: row.status).map {
                Presence.Entry(
                    siteID: row.siteID, areaID: row.areaID, sector: row.sector,
                    organisationID: row.organisationID, status: $0)
            }
        }
    }

    /// Sites with work, by code.
    static func siteOrder(_ result: Result) -> [UUID] {
        result.sites.keys.sorted { (result.names.sites[$0]?.code ?? "") < (result.names.sites[$1]?.code ?? "") }
    }
}
