import Fluent
import Plot
import Vapor

/// Areas in the browser: each area with its sub-areas, their sites and people, descendants included.
struct AdminAreaPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.adminAreas, use: top)
        routes.get(Paths.adminArea, use: show)
    }

    func top(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let areas = try await AdminArea.query(on: req.db).live().filter(\.$level <= 1).sort(
            \.$pcode
        ).all()
        let rollups = try await AreaRollup.of(areas, on: req.db)
        return Layout.response(Layout.page("Areas", user: user, .h1("Administrative areas"), AreaRollup.table(rollups)))
    }

    func show(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        guard let pcode = req.parameters.get("pcode"), let area = try await AdminAreaLookup.find(pcode, on: req.db)
        else {
            throw HavenError.notFound("Administrative area")
        }
        let lineage = try await AdminAreaLookup.lineage(of: area, on: req.db)
        let children = try await AdminArea.query(on: req.db).filter(\.$parent.$id == area.id).filter(
            \.$archivedAt == nil
        ).sort(\.$pcode).all()
        let rollups = try await AreaRollup.of([area] + children, on: req.db)
        let rollup = Array(rollups.prefix(1))
        let childRollups = Array(rollups.dropFirst())
        var filter = SiteFilter()
        filter.adminArea = area.pcode
        filter.sort = .population
        filter.descending = true
        let page = try PageRequest(req)
        let siteList = SiteListView(
            user: user, filter: filter, page: page, list: try await SiteListQuery.fetch(filter, page: page, on: req.db))
        return Layout.response(
            Layout.page(
                "\(area.name) (\(area.pcode))", user: user,
                .p(
                    .forEach(lineage.dropLast()) {
                        .group(.a(.href(Paths.adminArea.link($0.pcode)), .text($0.name)), " › ")
                    }
                ),
                .h1(.text("\(area.name) "), .small(.text("\(area.pcode) · admin \(area.level)"))),
                .div(
                    .class("totals"),
                    .div(.strong(.text(Format.number(rollup.first?.sites ?? 0))), "open sites, sub-areas included"),
                    .div(.strong(.text(Format.number(rollup.first?.people ?? 0))), "people (latest counts)")),
                .if(!children.isEmpty, .group(.h2("Sub-areas"), AreaRollup.table(childRollups))),
                .h2("Sites"),
                .div(.class("table-wrap"), siteList.tableNode),
                Layout.pager(
                    total: siteList.list.total, page: page, baseQuery: [:], path: Paths.adminArea.link(area.pcode)))
        )
    }
}
