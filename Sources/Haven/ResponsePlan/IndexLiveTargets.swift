import Fluent

/// One live target per sector, activity, area and span (`LiveUniqueIndex`), so two coordinators setting the
/// same target at once leave one and a 409.
struct IndexLiveTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await LiveUniqueIndex.create(
            "response_targets_live_scope", for: ResponseTarget.self,
            columns: ["sector", "activity_code", "area_pcode", "from_month", "to_month"],
            newestFirst: "to_month DESC", on: database)
    }

    func revert(on database: any Database) async throws {
        try await LiveUniqueIndex.drop("response_targets_live_scope", on: database)
    }
}
