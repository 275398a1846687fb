import Fluent
import Foundation
import SQLKit

/// The severities of some sites' latest rounds, for figures that set other data beside them.
enum LatestSeverities {
    struct Site: Sendable {
        var overall: Severity?
        var sectors: [String: Severity]
    }

    static func of(_ siteIDs: [UUID], on db: any Database) async throws -> [UUID: Site] {
        guard !siteIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            var siteID: UUID
            var overall: Int?
            var sectors: String
        }
        // `latest AND archived_at IS NULL` written out so SQLite reads the partial index of latest rounds.
        let rows = try await db.sql.raw(
            """
            SELECT site_id AS "siteID", overall_severity AS overall, sector_severities AS sectors FROM \(ident: MonitoringRound.schema)
            WHERE latest AND archived_at IS NULL AND site_id IN (\(binds: siteIDs))
            """
        ).all(decoding: Row.self)
        return Dictionary(
            rows.map {
                (
                    $0.siteID,
                    Site(
                        overall: $0.overall.flatMap(Severity.init(rawValue:)),
                        sectors: SectorSeverities.decode($0.sectors))
                )
            },
            uniquingKeysWith: { a, _ in a })
    }
}
