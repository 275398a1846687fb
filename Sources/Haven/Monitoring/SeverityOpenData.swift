import Fluent
import Foundation
import SQLKit

/// Severity by site and sector in the open-data package: each open site's latest monitoring round, one row for the
/// site overall and one per sector, on the 1-5 scale.
enum SeverityOpenData: OpenDataTable {
    static let name = "severity.csv"
    static let title = "Severity by site and sector"
    static let summary =
        "Each open site's latest site-monitoring round: its overall severity and its severity in each "
        + "sector, from 1 (minimal) to 5 (catastrophic), scored against the Sphere and cluster standards."

    struct Row: Sendable {
        var code: String
        var name: String
        var areaID: UUID
        var conductedOn: String
        var sector: String
        var severity: Int
        var areas: AreaTree
    }

    typealias Column = ExportTable<Row>.Column

    static let table = ExportTable<Row>(
        name: "Severity", filename: "severity",
        columns: [
            Column("site_code", "#loc+code") { $0.code },
            Column("site_name", "#loc+name") { $0.name },
        ] + AreaTree.columns(levels: 1...2) { ($0.areas, $0.areaID) } + [
            Column("assessed_on", "#date+assessed", .day) { $0.conductedOn },
            Column("sector", "#sector") { $0.sector },
            Column("severity", "#severity", .number) { String($0.severity) },
        ])

    static func file(_ context: OpenDataContext) async throws -> OpenDataFile {
        struct Round: Decodable {
            var code: String, name: String, areaID: UUID, conductedOn: String, overall: Int?, sectors: String
        }
        let areas = try await AreaTree.load(on: context.db)
        let rounds = try await context.db.sql.raw(
            """
            SELECT s.code, s.name, s.admin_area_id AS "areaID", r.conducted_on AS "conductedOn",
              r.overall_severity AS overall, r.sector_severities AS sectors
            FROM \(ident: Site.schema) s JOIN \(ident: MonitoringRound.schema) r ON r.site_id = s.id
            WHERE r.latest AND r.archived_at IS NULL AND s.archived_at IS NULL
              AND s.status IN (\(binds: [SiteStatus.open.rawValue, SiteStatus.closing.rawValue]))
            ORDER BY s.code
            """
        ).all(decoding: Round.self)
        let rows = rounds.flatMap { round in
            func row(_ sector: String, _ severity: Int) -> Row {
                Row(
                    code: round.code, name: round.name, areaID: round.areaID, conductedOn: round.conductedOn,
                    sector: sector, severity: severity, areas: areas)
            }
            return (round.overall.map { [row("All sectors", $0)] } ?? [])
                + SectorSeverities.decode(round.sectors).sorted { $0.key < $1.key }.map {
                    row($0.key, $0.value.rawValue)
                }
        }
        return OpenDataFile(
            self, table: table, rows: rows, from: rounds.compactMap { CalendarDay($0.conductedOn) }.min(),
            to: rounds.compactMap { CalendarDay($0.conductedOn) }.max())
    }
}
