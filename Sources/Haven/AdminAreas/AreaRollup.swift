import Fluent
import Plot
import Vapor

/// Sites and people in an area and everything inside it.
struct AreaRollup {
    var area: AdminArea
    var sites: Int
    var people: Int

    /// One grouped query over the lowest areas that hold sites; each requested area then adds up the rows
    /// whose P-code starts with its own, which is every area inside it.
    static func of(_ areas: [AdminArea], on db: any Database) async throws -> [AreaRollup] {
        guard !areas.isEmpty else { return [] }
        struct Row: Decodable {
            var pcode: String
            var sites: Int
            var people: Int?
        }
        let rows = try await db.sql.raw(
            """
            SELECT a.pcode AS pcode, COUNT(s.id) AS sites, SUM(s.population_individuals) AS people
            FROM sites s JOIN admin_areas a ON a.id = s.admin_area_id
            WHERE s.archived_at IS NULL AND s.status <> 'closed'
            GROUP BY a.pcode
            """
        ).all(decoding: Row.self)
        return areas.map { area in
            let inside = rows.filter { $0.pcode.hasPrefix(area.pcode) }
            return AreaRollup(
                area: area, sites: inside.map(\.sites).reduce(0, +), people: inside.compactMap(\.people).reduce(0, +))
        }
    }

    static func table(_ rollups: [AreaRollup]) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .thead(
                    .tr(
                        .th("P-code"), .th("Name"), .th("Level"), .th(.class("num"), "Open sites"),
                        .th(.class("num"), "People"))),
                .tbody(
                    .forEach(rollups) { r in
                        .tr(
                            .td(.a(.href(Paths.adminArea.link(r.area.pcode)), .text(r.area.pcode))),
                            .td(.text(r.area.name)),
                            .td(.text("Admin \(r.area.level)")), .td(.class("num"), .text(Format.number(r.sites))),
                            .td(.class("num"), .text(Format.number(r.people))))
                    })))
    }
}
