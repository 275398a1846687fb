import Fluent
import SQLKit

/// Indexes that answer the monitoring reads from the index alone. Round rows are wide (answers and
/// scores as JSON), so reading them to find a site's latest round, its previous severity or a month's
/// figures cost most of the time of gap analysis and the dashboard at 5,000 sites.
struct IndexMonitoringReads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for replaced in ["monitoring_rounds_site_day", "monitoring_rounds_latest", "monitoring_rounds_day"] {
            try await database.sql.raw("DROP INDEX \(ident: replaced)").run()
        }
        // A site's rounds by day: duplicates, the population a round uses, the previous severity.
        try await database.createIndex(
            "monitoring_rounds_history", on: MonitoringRound.schema,
            "site_id", "conducted_on", "archived_at", "overall_severity")
        // The monthly trend.
        try await database.createIndex(
            "monitoring_rounds_by_day", on: MonitoringRound.schema,
            "conducted_on", "archived_at", "overall_severity", "population")
        // Each site's latest round, all that gap analysis reads of it. Queries must say `latest AND
        // archived_at IS NULL` literally (not with bound values) for SQLite to use a partial index.
        try await database.sql.raw(
            """
            CREATE INDEX monitoring_rounds_latest_only ON \(ident: MonitoringRound.schema) \
            (site_id, conducted_on, overall_severity, population, sector_severities) WHERE latest AND archived_at IS NULL
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        for index in ["monitoring_rounds_history", "monitoring_rounds_by_day", "monitoring_rounds_latest_only"] {
            try await database.sql.raw("DROP INDEX \(ident: index)").run()
        }
        try await database.createIndex(
            "monitoring_rounds_site_day", on: MonitoringRound.schema, "site_id", "conducted_on")
        try await database.createIndex(
            "monitoring_rounds_latest", on: MonitoringRound.schema, "latest", "overall_severity")
        try await database.createIndex("monitoring_rounds_day", on: MonitoringRound.schema, "conducted_on")
    }
}
