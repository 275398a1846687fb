import Fluent
import Vapor

/// The month's gaps as CSV with HXL and Excel: each site and sector at severity 3 or worse with no 5W line
/// under way there, with the people living at the site. Same filters as the gap list.
enum GapExport {
    struct Exported: Sendable {
        var month: ReportingMonth
        var gap: ResponseAnalysis.Gap
        var names: ActivityNames
        var site: (code: String, name: String, area: UUID)? { names.sites[gap.siteID] }
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Gaps", filename: "haven-gaps",
        columns: [
            Column("reporting_month", "#date+reported", .month) { $0.month.description },
            Column("site_code", "#loc+code") { $0.gap.code },
            Column("site_name", "#loc+name") { $0.site?.name ?? "" },
        ]
            + AreaTree.columns(levels: 1...2) { ($0.names.areas, $0.site?.area) } + [
                Column("sector", "#sector") { $0.gap.sector },
                Column("severity", "#severity", .number) { String($0.gap.severity.rawValue) },
                Column("people_at_site", "#inneed+ind", .number) { String($0.gap.population) },
            ])

    static func rows(_ req: Request) async throws -> ExportTable<Exported>.Rows {
        try req.authorize(.readOperationalData)
        let month = try ResponseAnalysisQuery.month(req)
        let work = try await ResponseAnalysisQuery.work(in: month, on: req.replica)
        let gaps = try await ResponseAnalysisQuery.gaps(req, work: work, in: month).gaps
        let names = try await ActivityNames.load(on: req.replica)
        return ExportTable.all(gaps.map { Exported(month: month, gap: $0, names: names) })
    }
}
