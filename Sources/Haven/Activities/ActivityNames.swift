import Fluent
import Foundation
import SQLKit

/// Names for the ids 5W lines hold (organisations, activities, sites, areas), read once per export or page.
struct ActivityNames: Sendable {
    var organisations: [UUID: (name: String, acronym: String, shortName: String)] = [:]
    var activities: [String: String] = [:]
    var sites: [UUID: (code: String, name: String, area: UUID)] = [:]
    var areas = AreaTree()
    /// Area names by P-code.
    var areaNames: [String: String] { areas.names }

    /// Sites are many; pages that name none leave them out.
    static func load(on db: any Database, sites: Bool = true) async throws -> ActivityNames {
        var names = ActivityNames()
        for org in try await Organisation.query(on: db).all() {
            names.organisations[org.id!] = (org.name, org.acronym, org.shortName)
        }
        for type in try await ActivityType.query(on: db).all() { names.activities[type.code] = type.name }
        // Sites and areas as plain rows: thousands of model objects cost most of the time of the pages that name them.
        if sites {
            struct SiteRow: Decodable {
                var id: UUID
                var code: String
                var name: String
                var area: UUID
            }
            for site in try await db.sql.raw(
                "SELECT id, code, name, admin_area_id AS area FROM \(ident: Site.schema)"
            ).all(decoding: SiteRow.self) {
                names.sites[site.id] = (site.code, site.name, site.area)
            }
        }
        names.areas = try await AreaTree.load(on: db)
        return names
    }

    func area(_ id: UUID, level: Int) -> (pcode: String, name: String)? { areas.area(id, level: level) }

    func path(_ id: UUID) -> [String] { areas.path(id) }

    func organisation(_ id: UUID) -> String {
        organisations[id]?.shortName ?? "unknown organisation"
    }
}
