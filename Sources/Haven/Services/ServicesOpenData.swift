/// The service directory in the open-data package, without the contacts: a phone number or a referral focal point
/// names a person.
enum ServicesOpenData: OpenDataTable {
    static let name = "services.csv"
    static let title = "Services at sites"
    static let summary =
        "The services residents of each site can use: sector, provider, where and when."

    static let withheld: Set<String> = ["contact", "referral_focal_point"]

    static func file(_ context: OpenDataContext) async throws -> OpenDataFile {
        let table = ExportTable<ServiceExport.Exported>(
            name: "Services", filename: "services",
            columns: ServiceExport.table.columns.filter { !withheld.contains($0.header) })
        return OpenDataFile(
            self, table: table, rows: try await ServiceExport.rows(site: nil, sector: nil, on: context.db))
    }
}
