/// Operational presence (3W) in the open-data package: who works in which sector at which site, for each of the
/// last three months, in the long shape OCHA's presence datasets use.
enum PresenceOpenData: OpenDataTable {
    static let name = "presence.csv"
    static let title = "Operational presence (3W)"
    static let summary =
        "Organisations with work under way at each site, by sector, for each of the last "
        + "\(months) reporting months, from the partners' 5W reports."

    static let months = 3

    static func file(_ context: OpenDataContext) async throws -> OpenDataFile {
        let current = ReportingMonth(context.today)
        var rows: [PresenceExport.Exported] = []
        for back in (0..<months).reversed() {
            rows += try await PresenceExport.rows(PresenceQuery(month: current.adding(months: -back)), on: context.db)
        }
        return OpenDataFile(
            self, table: PresenceExport.table, rows: rows, from: current.adding(months: 1 - months).firstDay,
            to: current.lastDay)
    }
}
