import Fluent
import Foundation
import SQLKit

/// The sites an enumerator chooses from on a phone, as the CSV files an XForm attaches (`jr://file-csv/…`): the
/// provinces, and every site not closed with its province, so the form can narrow the list to one province and
/// search it. The form stays the same when sites change; only these files do, and Collect fetches them again.
enum SiteChoices {
    static let sitesFile = "sites.csv"
    static let areasFile = "areas.csv"

    /// The XForm's pieces: its secondary instances, and the area and site questions' item sets.
    static let instances = """
        <instance id="areas" src="jr://file-csv/\(areasFile)"/><instance id="sites" src="jr://file-csv/\(sitesFile)"/>
        """
    static let areaItems = "instance('areas')/root/item"
    /// The sites of the chosen province, or all of them while none is chosen.
    static func siteItems(area: String) -> String { "instance('sites')/root/item[\(area) = '' or adm1 = \(area)]" }

    static func files(on db: any Database) async throws -> [(name: String, content: String)] {
        struct Row: Decodable {
            var code: String
            var name: String
            var areaID: UUID
        }
        let tree = try await AreaTree.load(on: db)
        let sites = try await db.sql.raw(
            """
            SELECT code, name, admin_area_id AS "areaID" FROM \(ident: Site.schema)
            WHERE archived_at IS NULL AND status <> \(bind: SiteStatus.closed.rawValue) ORDER BY code
            """
        ).all(decoding: Row.self)
        let siteLines = sites.map { site in
            CSV.line([site.code, "\(site.name) (\(site.code))", tree.area(site.areaID, level: 1)?.pcode ?? ""])
        }
        let provinces = Set(sites.compactMap { tree.area($0.areaID, level: 1)?.pcode })
        let areaLines = tree.areas.values.filter { $0.level == 1 && provinces.contains($0.pcode) }
            .sorted { $0.pcode < $1.pcode }.map { CSV.line([$0.pcode, "\($0.name) (\($0.pcode))"]) }
        return [
            (areasFile, (["name,label"] + areaLines).joined(separator: "\n") + "\n"),
            (sitesFile, (["name,label,adm1"] + siteLines).joined(separator: "\n") + "\n"),
        ]
    }
}
