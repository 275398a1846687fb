/// Every importer, one line each: its upload page, its API and the command line follow from this list.
enum Importers {
    static let all: [any Importer.Type] = [
        SiteImport.self, AdminAreaImport.self, RoundImport.self, ActivityImport.self,
    ]
}
