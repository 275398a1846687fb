import Fluent
import Foundation

/// What an area's page shows: where it sits, its figures with everything inside it, each sub-area's, and a page of
/// its sites, most people first.
struct AreaPage: Sendable {
    var area: AdminArea
    /// The areas above it, the country first.
    var parents: [AdminArea]
    var rollup: AreaRollup?
    var subAreas: [AreaRollup]
    var sites: SiteFilter
    var siteList: SiteList
}

enum AreaPageQuery {
    /// The top of the gazetteer (the country and its first level) with their figures.
    static func top(on db: any Database) async throws -> [AreaRollup] {
        let areas = try await AdminArea.query(on: db).live().filter(\.$level <= 1).sort(\.$pcode).all()
        return try await AreaRollup.of(areas, on: db)
    }

    /// The area with this P-code or id; nil when there is none.
    static func page(_ key: String, _ page: PageRequest, on db: any Database) async throws -> AreaPage? {
        guard let area = try await AdminAreaLookup.find(key, on: db) else { return nil }
        let lineage = try await AdminAreaLookup.lineage(of: area, on: db)
        let children = try await AdminArea.query(on: db).filter(\.$parent.$id == area.id).live().sort(\.$pcode).all()
        let rollups = try await AreaRollup.of([area] + children, on: db)
        var sites = SiteFilter()
        sites.adminArea = area.pcode
        sites.sort = .population
        sites.descending = true
        return AreaPage(
            area: area, parents: Array(lineage.dropLast()), rollup: rollups.first, subAreas: Array(rollups.dropFirst()),
            sites: sites, siteList: try await SiteListQuery.fetch(sites, page: page, on: db))
    }
}
