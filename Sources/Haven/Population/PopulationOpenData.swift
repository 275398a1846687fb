import Fluent
import SQLKit

/// Population by site with sex and age in the open-data package: each live site's latest count. A site's sex and
/// age cells are one breakdown, suppressed under the threshold as the feedback figures are (with a partner cell
/// where one alone could be worked out); totals below it are left empty too.
enum PopulationOpenData: OpenDataTable {
    static let name = "population.csv"
    static let title = "Population by site, sex and age"
    static let summary =
        "Each site's latest population count: households, individuals, and (where the count was "
        + "disaggregated) people by sex and age group, with specific needs, arrivals and departures."

    static func file(_ context: OpenDataContext) async throws -> OpenDataFile {
        let table = ExportTable<PopulationExport.Exported>(
            name: "Population", filename: "population",
            columns: PopulationExport.table.columns.filter { $0.header != "source" })
        let rows = try await ExportTable.collect(PopulationExport.rows(SiteFilter(), latestOnly: true, on: context.db))
        var file = OpenDataFile(
            self, table: table, rows: rows, from: rows.compactMap { CalendarDay($0.countedOn) }.min(),
            to: rows.compactMap { CalendarDay($0.countedOn) }.max())
        file.suppress(["households", "individuals"], threshold: context.smallCellThreshold)
        file.suppress(PopulationFigures.cellColumns, threshold: context.smallCellThreshold, together: true)
        file.suppress(PopulationFigures.specificNeedsColumns, threshold: context.smallCellThreshold)
        return file
    }
}
