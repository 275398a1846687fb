import Fluent
import Foundation
import SQLKit

/// One live 5W line per natural key, kept by a unique index rather than by a check that a concurrent
/// writer cannot see. Lines that an earlier version wrote twice (two confirmations of one file at once)
/// are archived first, audited, keeping the most recently corrected of each key.
struct IndexLiveActivityKeys: AsyncMigration {
    static let actor = Actor.commandLine("migration: one live line per key")

    func prepare(on database: any Database) async throws {
        struct Key: Decodable { var natural_key: String }
        let doubled = try await database.sql.raw("""
            SELECT natural_key FROM \(ident: Activity.schema) WHERE archived_at IS NULL GROUP BY natural_key HAVING COUNT(*) > 1
            """).all(decoding: Key.self).map(\.natural_key)
        for key in doubled {
            let lines = try await Activity.query(on: database).filter(\.$naturalKey == key).filter(\.$archivedAt == nil)
                .sort(\.$updatedAt, .descending).sort(\.$id).all()
            for line in lines.dropFirst() { try await Audit.archive(line, by: Self.actor, on: database) }
        }
        try await database.sql.raw("""
            CREATE UNIQUE INDEX activities_live_key ON \(ident: Activity.schema) (natural_key) WHERE archived_at IS NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "activities_live_key").run()
    }
}
