import Fluent
import Foundation
import SQLKit

/// Names for the ids 5W lines hold (organisations, activities, sites, areas), read once per export or page.
struct ActivityNames: Sendable {
    var organisations: [UUID: (name: String, acronym: String, shortName: String)] = [:]
    var activities: [String: String] = [:]
    var sites: [UUID: (code: String, name: String)] = [:]
    var areas: [UUID: (pcode: String, name: String, level: Int, parent: UUID?)] = [:]
    /// Area names by P-code.
    var areaNames: [String: String] = [:]

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
            }
            for site in try await db.sql.raw("SELECT id, code, name FROM \(ident: Site.schema)").all(
                decoding: SiteRow.self)
            {
                names.sites[site.id] = (site.code, site.name)
            }
        }
        struct AreaRow: Decodable {
            var id: UUID
            var pcode: String
            var name: String
            var level: Int
            var parentID: UUID?
        }
        for area in try await db.sql.raw(
            "SELECT id, pcode, name, level, parent_id AS \"parentID\" FROM \(ident: AdminArea.schema)"
        )
        .all(decoding: AreaRow.self) {
            names.areas[area.id] = (area.pcode, area.name, area.level, area.parentID)
            names.areaNames[area.pcode] = area.name
        }
        return names
    }

    /// The area at a level above (or at) the line's own.
    func area(_ id: UUID, level: Int) -> (pcode: String, name: String)? {
        var current = areas[id]
        while let area = current, area.level > level { current = area.parent.flatMap { areas[$0] } }
        return current.flatMap { $0.level == level ? ($0.pcode, $0.name) : nil }
    }

    /// The P-codes from the country down to the area.
    func path(_ id: UUID) -> [String] {
        var path: [String] = []
        var current = areas[id]
        while let area = current, path.count <= 10 {
            path.insert(area.pcode, at: 0)
            current = area.parent.flatMap { areas[$0] }
        }
        return path
    }

    func organisation(_ id: UUID) -> String {
        organisations[id]?.shortName ?? "unknown organisation"
    }
}
