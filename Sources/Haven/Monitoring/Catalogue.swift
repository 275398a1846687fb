import Fluent
import Foundation
import SQLKit

/// A frozen copy of the whole catalogue. Every change publishes a new version; a round keeps the number
/// of the version it was scored with, so its scores can always be reproduced.
final class CatalogueVersion: Model, @unchecked Sendable {
    static let schema = "catalogue_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "snapshot") var snapshot: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

enum Catalogue {
    struct Version: Sendable {
        var number: Int
        var indicators: [IndicatorBody]
    }

    /// The latest version. Versions never change once published, so each is decoded once per process;
    /// only the latest id is read each time (in plain SQL: every ODK submission asks).
    static func current(on db: any Database) async throws -> Version {
        guard
            let latest = try await db.sql.select().column("id").from(CatalogueVersion.schema).orderBy(
                "version", .descending
            ).limit(1)
                .first(decodingColumn: "id", as: UUID.self)
        else {
            throw HavenError.conflict("The monitoring catalogue has not been published yet.")
        }
        if let known = await decoded.version(latest) { return known }
        guard let full = try await CatalogueVersion.find(latest, on: db) else { return try await current(on: db) }
        let version = try decode(full)
        await decoded.keep(full.id!, version)
        return version
    }

    /// Decoded versions by row id (ids differ between databases, so tests on several databases never mix them).
    private actor Decoded {
        private var versions: [UUID: Version] = [:]
        func version(_ id: UUID) -> Version? { versions[id] }
        func keep(_ id: UUID, _ version: Version) { versions[id] = version }
    }

    private static let decoded = Decoded()

    static func version(_ number: Int, on db: any Database) async throws -> Version? {
        try await CatalogueVersion.query(on: db).filter(\.$version == number).first().map(decode)
    }

    /// Freezes the catalogue as it now stands; call it in the transaction that changed an indicator.
    @discardableResult
    static func publish(on db: any Database) async throws -> Int {
        let indicators = try await Indicator.inUse(on: db).map(IndicatorBody.init)
        let last = try await CatalogueVersion.query(on: db).sort(\.$version, .descending).first()?.version ?? 0
        let version = CatalogueVersion()
        version.version = last + 1
        version.snapshot = String(decoding: try JSONEncoder().encode(indicators), as: UTF8.self)
        try await version.create(on: db)
        return version.version
    }

    private static func decode(_ row: CatalogueVersion) throws -> Version {
        Version(
            number: row.version,
            indicators: try JSONDecoder().decode([IndicatorBody].self, from: Data(row.snapshot.utf8)))
    }
}
