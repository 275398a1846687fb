import Fluent

/// One live 5W line per natural key (`LiveUniqueIndex`): lines an earlier version wrote twice (two
/// confirmations of one file at once) are archived, keeping the most recently corrected.
struct IndexLiveActivityKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await LiveUniqueIndex.create(
            "activities_live_key", for: Activity.self, columns: ["natural_key"],
            newestFirst: "updated_at DESC", on: database)
    }

    func revert(on database: any Database) async throws {
        try await LiveUniqueIndex.drop("activities_live_key", on: database)
    }
}
