import Fluent
import SQLKit
import Vapor

/// Monitoring results: one row per live round of the sites the site list's filters select (or only each site's
/// latest with `latest=true`), with the overall and sector severities and every answer, one column per
/// indicator of the current catalogue. Answers to indicators since retired stay in the API's rounds.
enum RoundExport {
    struct Exported: Sendable {
        var siteCode: String
        var siteName: String
        var areaID: UUID
        var conductedOn: String
        var catalogueVersion: Int
        var population: Int?
        var overallSeverity: Int?
        var sectors: [String: Severity]
        var answers: [String: Answer]
        var areas: AreaTree
    }

    typealias Column = ExportTable<Exported>.Column

    /// The table for the catalogue as it is: a severity column per sector, an answer column per indicator.
    static func table(_ catalogue: Catalogue.Version) -> ExportTable<Exported> {
        let sectors = Array(Set(catalogue.indicators.map(\.sector))).sorted()
        let fixed: [Column] =
            [
                Column("site_code", "#loc+code") { $0.siteCode },
                Column("site_name", "#loc+name") { $0.siteName },
            ] + AreaTree.columns(levels: 1...2) { ($0.areas, $0.areaID) } + [
                Column("conducted_on", "#date+assessed", .day) { $0.conductedOn },
                Column("catalogue_version", "#meta+version", .number) { String($0.catalogueVersion) },
                Column("population", "#population+ind", .number) { $0.population.map(String.init) ?? "" },
                Column("overall_severity", "#severity+overall", .number) { $0.overallSeverity.map(String.init) ?? "" },
            ]
        let severities = sectors.map { sector in
            Column("severity_\(attribute(sector))", "#severity+\(attribute(sector))", .number) {
                $0.sectors[sector].map { String($0.rawValue) } ?? ""
            }
        }
        let answers = catalogue.indicators.map { indicator in
            let code = indicator.code
            let kind: Column.Kind =
                [.count, .number, .percentage, .derived].contains(indicator.valueType) ? .number : .text
            return Column(code, "#indicator+\(attribute(code))", kind) { row in
                switch row.answers[code] {
                case .number(let n): written(n)
                case .text(let t): t
                case nil: ""
                }
            }
        }
        return ExportTable(name: "Monitoring", filename: "haven-monitoring", columns: fixed + severities + answers)
    }

    /// A number as people type it: 12, not 12.0; a fraction as it is.
    static func written(_ n: Double) -> String {
        n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    /// An HXL attribute from a sector or indicator code: lower-case letters, digits and underscores.
    static func attribute(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// The rounds a batch at a time in the order of the rounds' history index (site, day, id).
    static func rows(_ filter: SiteFilter, latestOnly: Bool, on db: any Database, batchSize: Int = 1000)
        async throws -> ExportTable<Exported>.Rows
    {
        let conditions = try await filter.conditions(site: "s", on: db)
        let areas = try await AreaTree.load(on: db)
        let latest: SQLQueryString = latestOnly ? " AND r.latest" : ""
        return { body in
            var last: (site: UUID, day: String, id: UUID)?
            while true {
                let after: SQLQueryString =
                    last.map {
                        """
                         AND (r.site_id > \(bind: $0.site) OR (r.site_id = \(bind: $0.site) AND (r.conducted_on > \(bind: $0.day) \
                        OR (r.conducted_on = \(bind: $0.day) AND r.id > \(bind: $0.id)))))
                        """
                    } ?? ""
                let rows = try await db.sql.raw(
                    """
                    SELECT r.id, r.site_id, s.code, s.name, s.admin_area_id, r.conducted_on, r.catalogue_version,
                        r.population, r.overall_severity, r.sector_severities, r.answers
                    FROM monitoring_rounds r JOIN sites s ON s.id = r.site_id
                    WHERE r.archived_at IS NULL\(latest) AND \(conditions)\(after)
                    ORDER BY r.site_id, r.conducted_on, r.id LIMIT \(literal: batchSize)
                    """
                ).all()
                var batch: [Exported] = []
                var end: (site: UUID, day: String, id: UUID)?
                for row in rows {
                    let answers = try row.decode(column: "answers", as: String.self)
                    let round = Exported(
                        siteCode: try row.decode(column: "code", as: String.self),
                        siteName: try row.decode(column: "name", as: String.self),
                        areaID: try row.decode(column: "admin_area_id", as: UUID.self),
                        conductedOn: try row.decode(column: "conducted_on", as: String.self),
                        catalogueVersion: try row.decode(column: "catalogue_version", as: Int.self),
                        population: try row.decode(column: "population", as: Int?.self),
                        overallSeverity: try row.decode(column: "overall_severity", as: Int?.self),
                        sectors: SectorSeverities.decode(try row.decode(column: "sector_severities", as: String.self)),
                        answers: (try? JSONDecoder().decode([String: Answer].self, from: Data(answers.utf8))) ?? [:],
                        areas: areas)
                    batch.append(round)
                    end = (
                        try row.decode(column: "site_id", as: UUID.self), round.conductedOn,
                        try row.decode(column: "id", as: UUID.self)
                    )
                }
                guard let end else { return }
                try await body(batch)
                last = end
            }
        }
    }
}
