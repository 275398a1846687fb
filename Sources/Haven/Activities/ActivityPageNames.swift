import Fluent
import Plot
import Vapor

/// Names for the ids on a page of lines.
struct ActivityPageNames {
    var organisations: [UUID: String] = [:]
    var sites: [UUID: (code: String, name: String)] = [:]
    var areas: [UUID: String] = [:]
    /// Activity names by code.
    var activities: [String: String] = [:]

    static func organisations(on db: any Database) async throws -> [UUID: String] {
        try await Organisation.shortNames(on: db)
    }

    /// The codes and names of some sites, read as plain rows.
    static func sites(_ ids: [UUID], on db: any Database) async throws
        -> [UUID: (code: String, name: String)]
    {
        struct SiteName: Decodable {
            var id: UUID
            var code: String
            var name: String
        }
        guard !ids.isEmpty else { return [:] }
        let sites = try await db.sql.select().columns("id", "code", "name").from(Site.schema)
            .where("id", .in, Array(Set(ids))).all(decoding: SiteName.self)
        return Dictionary(sites.map { ($0.id, ($0.code, $0.name)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Read as plain rows: Fluent's models spent more on reflection than the page spent on anything else.
    static func load(for lines: [ActivityLine], on db: any Database) async throws -> ActivityPageNames {
        struct AreaCode: Decodable {
            var id: UUID
            var pcode: String
        }
        struct ActivityName: Decodable {
            var code: String
            var name: String
        }
        var names = ActivityPageNames(
            organisations: try await organisations(on: db), sites: try await sites(lines.compactMap(\.siteId), on: db))
        let areaIDs = Array(Set(lines.map(\.adminAreaId)))
        if !areaIDs.isEmpty {
            let areas = try await db.sql.select().columns("id", "pcode").from(AdminArea.schema)
                .where("id", .in, areaIDs).all(decoding: AreaCode.self)
            for area in areas { names.areas[area.id] = area.pcode }
        }
        let codes = Array(Set(lines.map(\.activityCode)))
        if !codes.isEmpty {
            let activities = try await db.sql.select().columns("code", "name").from(ActivityType.schema)
                .where("code", .in, codes).all(decoding: ActivityName.self)
            for activity in activities { names.activities[activity.code] = activity.name }
        }
        return names
    }
}
