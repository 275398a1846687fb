import Foundation
import Vapor

/// The needs figures as the HNO templates take them: one row per area and sector (and one for all sectors), with
/// the areas above it by P-code, people in sites, people in need and severity.
enum NeedsExport {
    struct Exported: Sendable {
        var area: NeedsFigures.Area
        /// Nil for the row of all sectors.
        var sector: String?
        var tree: AreaTree
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Needs", filename: "haven-needs",
        columns: AreaTree.columns(levels: 1...4) { ($0.tree, $0.area.id) } + [
            Column("sector", "#sector") { $0.sector ?? "All sectors" },
            Column("people_in_sites", "#population+idps+incamp", .number) { String($0.area.people) },
            Column("people_in_need", "#inneed+idps", .number) { e in
                String(e.sector.map { e.area.inNeedBySector[$0] ?? 0 } ?? e.area.inNeed)
            },
            Column("severity", "#severity", .number) { e in
                (e.sector.map { e.area.severityBySector[$0] } ?? e.area.severity).map { String($0.rawValue) } ?? ""
            },
            Column("sites", "#indicator+sites", .number) { String($0.area.sites) },
            Column("sites_assessed", "#indicator+sites_assessed", .number) { String($0.area.assessedSites) },
            Column("first_round", "#date+start", .day) { $0.area.firstAssessed?.description ?? "" },
            Column("last_round", "#date+end", .day) { $0.area.lastAssessed?.description ?? "" },
        ])

    static func rows(_ req: Request) async throws -> ExportTable<Exported>.Rows {
        try req.authorize(.readOperationalData)
        let result = try await NeedsQuery(req).load(on: req.replica)
        let rows = result.areas.flatMap { area in
            [Exported(area: area, sector: nil, tree: result.tree)]
                + area.inNeedBySector.keys.sorted().map { Exported(area: area, sector: $0, tree: result.tree) }
        }
        return ExportTable.all(rows)
    }
}
