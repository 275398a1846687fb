import Fluent
import Foundation

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
        for org in try await Organisation.query(on: db).all() { names.organisations[org.id!] = (org.name, org.acronym, org.shortName) }
        for type in try await ActivityType.query(on: db).all() { names.activities[type.code] = type.name }
        if sites {
            for site in try await Site.query(on: db).field(\.$id).field(\.$code).field(\.$name).all() { names.sites[site.id!] = (site.code, site.name) }
        }
        for area in try await AdminArea.query(on: db).all() {
            names.areas[area.id!] = (area.pcode, area.name, area.level, area.$parent.id)
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
