/// The site list in the open-data package: every column of the sites export but the notes, which are people's
/// own words and may name someone; households and individuals below the threshold left empty.
enum SitesOpenData: OpenDataTable {
    static let name = "sites.csv"
    static let title = "Sites"
    static let summary =
        "Every site with its P-code, type, status, admin areas, coordinates, site management agency, "
        + "capacity, latest population count and latest overall severity."

    static let withheld: Set<String> = ["notes"]

    static func file(_ context: OpenDataContext) async throws -> OpenDataFile {
        let table = ExportTable<SiteExport.Exported>(
            name: "Sites", filename: "sites", columns: SiteExport.table.columns.filter { !withheld.contains($0.header) }
        )
        var file = OpenDataFile(
            self, table: table, rows: try await ExportTable.collect(SiteExport.rows(SiteFilter(), on: context.db)))
        file.suppress(["households", "individuals"], threshold: context.smallCellThreshold)
        return file
    }
}
