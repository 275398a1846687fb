import Fluent

/// One live population count per site and day (`LiveUniqueIndex`), whoever records it at the same moment.
struct IndexCountDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await LiveUniqueIndex.create(
            "population_counts_live_day", for: PopulationCount.self, columns: ["site_id", "counted_on"],
            newestFirst: "created_at DESC", on: database)
    }

    func revert(on database: any Database) async throws {
        try await LiveUniqueIndex.drop("population_counts_live_day", on: database)
    }
}
