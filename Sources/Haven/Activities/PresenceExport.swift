import Fluent
import Vapor

/// Operational presence (3W) for a month, in the long shape OCHA's presence datasets use: one row per site,
/// sector and organisation with 5W work under way there. Same filters as the presence page.
enum PresenceExport {
    struct Exported: Sendable {
        var month: ReportingMonth
        var siteID: UUID
        var sector: String
        var organisationID: UUID
        var names: ActivityNames
        var site: (code: String, name: String, area: UUID)? { names.sites[siteID] }
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Presence", filename: "haven-presence",
        columns: [
            Column("reporting_month", "#date+reported", .month) { $0.month.description },
            Column("organisation", "#org+name") { $0.names.organisations[$0.organisationID]?.name ?? "" },
            Column("acronym", "#org+acronym") { $0.names.organisations[$0.organisationID]?.acronym ?? "" },
            Column("sector", "#sector") { $0.sector },
            Column("site_code", "#loc+code") { $0.site?.code ?? "" },
            Column("site_name", "#loc+name") { $0.site?.name ?? "" },
        ]
            + AreaTree.columns(levels: 1...2) { ($0.names.areas, $0.site?.area) })

    static func rows(_ req: Request) async throws -> ExportTable<Exported>.Rows {
        try req.authorize(.readOperationalData)
        return ExportTable.all(try await rows(PresenceQuery(req), on: req.replica))
    }

    static func rows(_ query: PresenceQuery, on db: any Database) async throws -> [Exported] {
        let result = try await query.load(on: db)
        return PresenceQuery.siteOrder(result).flatMap { site in
            (result.sites[site] ?? [:]).sorted { $0.key < $1.key }.flatMap { sector, organisations in
                organisations.sorted { result.names.organisation($0) < result.names.organisation($1) }.map {
                    Exported(
                        month: query.month, siteID: site, sector: sector, organisationID: $0, names: result.names)
                }
            }
        }
    }
}
