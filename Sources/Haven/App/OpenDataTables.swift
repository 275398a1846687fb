/// Every table of the open-data package, in this order, one line each.
enum OpenDataTables {
    static let all: [any OpenDataTable.Type] = [
        SitesOpenData.self, PopulationOpenData.self, SeverityOpenData.self, PresenceOpenData.self,
        ServicesOpenData.self,
    ]
}
