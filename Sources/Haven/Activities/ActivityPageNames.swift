import Fluent
import Plot
import Vapor

/// Names for the ids on a page of lines.
struct ActivityPageNames {
    var organisations: [UUID: String] = [:]
    var sites: [UUID: (code: String, name: String)] = [:]
    var areas: [UUID: String] = [:]

    static func organisations(on db: any Database) async throws -> [UUID: String] {
        Dictionary(
            try await Organisation.query(on: db).all().map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
    }

    static func load(for lines: [ActivityLine], on db: any Database) async throws -> ActivityPageNames {
        var names = ActivityPageNames(organisations: try await organisations(on: db))
        let siteIDs = Array(Set(lines.compactMap(\.siteId)))
        if !siteIDs.isEmpty {
            for site in try await Site.query(on: db).filter(\.$id ~~ siteIDs).all() {
                names.sites[site.id!] = (site.code, site.name)
            }
        }
        let areaIDs = Array(Set(lines.map(\.adminAreaId)))
        if !areaIDs.isEmpty {
            for area in try await AdminArea.query(on: db).filter(\.$id ~~ areaIDs).all() {
                names.areas[area.id!] = area.pcode
            }
        }
        return names
    }
}
