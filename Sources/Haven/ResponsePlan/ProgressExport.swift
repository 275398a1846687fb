import Fluent
import Vapor

/// Progress against the response plan: each target in force with the people reached toward it, as CSV with
/// HXL and Excel. Same filters as the progress page.
enum ProgressExport {
    struct Exported: Sendable {
        var progress: ResponseProgress.Progress
        var names: ActivityNames
        var target: ResponseProgress.Target { progress.target }
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Progress", filename: "haven-progress",
        columns: [
            Column("sector", "#sector") { $0.target.sector },
            Column("activity_code", "#activity+code") { $0.target.activity ?? "" },
            Column("activity", "#activity+name") { e in e.target.activity.flatMap { e.names.activities[$0] } ?? "" },
            Column("area_pcode", "#loc+code+area") { $0.target.areaPcode ?? "" },
            Column("area_name", "#loc+name+area") { e in e.target.areaPcode.flatMap { e.names.areaNames[$0] } ?? "" },
            Column("from_month", "#date+start", .month) { $0.target.from.description },
            Column("to_month", "#date+end", .month) { $0.target.to.description },
            Column("target", "#targeted+ind+plan", .number) { String($0.target.people) },
            Column("targeted_by_partners", "#targeted+ind", .number) { String($0.progress.targetedByPartners) },
            Column("reached", "#reached+ind", .number) { String($0.progress.reached) },
            Column("reached_percent", "#reached+pct", .number) { String($0.progress.percent) },
        ])

    static func rows(_ req: Request) async throws -> ExportTable<Exported>.Rows {
        try req.authorize(.readOperationalData)
        let (_, progress, names) = try await ProgressQuery(req).progress(on: req.replica)
        return ExportTable.all(progress.map { Exported(progress: $0, names: names) })
    }
}
