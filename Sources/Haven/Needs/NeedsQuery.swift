import Fluent
import Foundation
import SQLKit
import Vapor

/// Reads the needs figures: every open or closing site with its latest count and latest round, grouped by the
/// areas of one level (within one area if asked), for the page, the API and the downloads alike.
struct NeedsQuery: Sendable {
    /// The level of the areas figures are given for (1 = provinces).
    var level: Int
    /// An area (P-code, name or id) whose areas alone are shown.
    var within: String?

    init(_ req: Request) throws {
        let raw = (req.query["level"] as String?).nonEmpty
        guard let level = raw.map({ Int($0) }) ?? 1, (1...4).contains(level) else {
            throw HavenError.invalid([
                FieldError("level", "'\(raw?.prefix(20) ?? "")' is not an admin level from 1 to 4")
            ])
        }
        self.level = level
        within = (req.query["adminArea"] as String?).nonEmpty
    }

    struct Result: Sendable {
        var areas: [NeedsFigures.Area]
        var tree: AreaTree
        /// Every sector rated in any area, in order.
        var sectors: [String]
        var operation: NeedsFigures.Area
    }

    func load(on db: any Database) async throws -> Result {
        struct Row: Decodable {
            var area: UUID
            var people: Int?
            var overall: Int?
            var sectors: String?
            var assessedOn: String?
        }
        let within: SQLQueryString =
            if let area = self.within {
                " AND "
                    + (try await AdminAreaLookup.within(area, column: "s.admin_area_id", field: "adminArea", on: db))
            } else { "" }
        // `r.latest AND r.archived_at IS NULL` literally, so that SQLite reads the partial index of latest rounds.
        let rows = try await db.sql.raw(
            """
            SELECT s.admin_area_id AS area, s.population_individuals AS people, r.overall_severity AS overall,
              r.sector_severities AS sectors, r.conducted_on AS "assessedOn"
            FROM \(ident: Site.schema) s
            LEFT JOIN \(ident: MonitoringRound.schema) r ON r.site_id = s.id AND r.latest AND r.archived_at IS NULL
            WHERE s.archived_at IS NULL AND s.status IN ('open', 'closing')\(within)
            """
        ).all(decoding: Row.self)
        let sites = rows.map { row in
            NeedsFigures.Site(
                area: row.area, people: row.people ?? 0, overall: row.overall.flatMap(Severity.init(rawValue:)),
                sectors: row.sectors.map(SectorSeverities.decode) ?? [:],
                assessedOn: row.assessedOn.flatMap(CalendarDay.init))
        }
        let tree = try await AreaTree.load(on: db)
        let level = self.level
        let byArea = NeedsFigures.byArea(sites) { tree.ancestor(of: $0, atLevel: level) }
        let areas = byArea.values.sorted { (tree[$0.id]?.pcode ?? "") < (tree[$1.id]?.pcode ?? "") }
        return Result(
            areas: areas, tree: tree, sectors: Array(Set(areas.flatMap(\.inNeedBySector.keys))).sorted(),
            operation: NeedsFigures.figures(UUID(), sites))
    }
}
