import Fluent
import SQLKit
import Vapor

/// Population over time: every live count of the sites the site list's filters select, with households,
/// individuals, sex and age (SADD) and specific needs, as CSV with HXL and Excel.
enum PopulationExport {
    struct Exported: Sendable {
        var siteCode: String
        var siteName: String
        var areaID: UUID
        var countedOn: String
        var households: Int
        var individuals: Int
        /// The SADD cells and specific needs, by stored column.
        var cells: [String: Int]
        var source: String
        var areas: AreaTree
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Population", filename: "haven-population",
        columns: [
            Column("site_code", "#loc+code") { $0.siteCode },
            Column("site_name", "#loc+name") { $0.siteName },
        ] + AreaTree.columns(levels: 1...2) { ($0.areas, $0.areaID) } + [
            Column("counted_on", "#date+counted", .day) { $0.countedOn },
            Column("households", "#population+hh", .number) { String($0.households) },
            Column("individuals", "#population+ind", .number) { String($0.individuals) },
        ]
            + Sex.allCases.flatMap { sex in
                AgeBracket.allCases.map { bracket in
                    let column = "\(sex.rawValue)_\(bracket.rawValue)"
                    let age = bracket.rawValue.replacingOccurrences(of: "_plus", with: "plus")
                    return Column(column, "#population+\(sex == .female ? "f" : "m")+age\(age)", .number) {
                        $0.cells[column].map(String.init) ?? ""
                    }
                }
            }
            + zip(
                PopulationFigures.specificNeedsColumns,
                ["+disabled", "+uasc", "+hh+female_headed", "+elderly+alone", "+arrivals", "+departures"]
            ).map { column, attributes in
                Column(column, "#population\(attributes)", .number) { $0.cells[column].map(String.init) ?? "" }
            } + [Column("source", "#meta+source") { $0.source }])

    /// The counts a batch at a time in the order of the one-count-per-site-and-day index, each batch starting
    /// after the last site and day, so none sorts or skips the counts before.
    /// `latestOnly`: each site's latest count alone, the one the site's figures show.
    static func rows(_ filter: SiteFilter, latestOnly: Bool = false, on db: any Database, batchSize: Int = 2000)
        async throws -> ExportTable<Exported>.Rows
    {
        let conditions: SQLQueryString =
            try await filter.conditions(site: "s", on: db)
            + (latestOnly ? " AND c.counted_on = s.population_counted_on" : "")
        let areas = try await AreaTree.load(on: db)
        let cellColumns = PopulationFigures.cellColumns + PopulationFigures.specificNeedsColumns
        let cells = cellColumns.map { "c.\($0)" }.joined(separator: ", ")
        return { body in
            var last: (site: UUID, day: String)?
            while true {
                let after: SQLQueryString =
                    last.map {
                        " AND (c.site_id > \(bind: $0.site) OR (c.site_id = \(bind: $0.site) AND c.counted_on > \(bind: $0.day)))"
                    } ?? ""
                let rows = try await db.sql.raw(
                    """
                    SELECT c.site_id, s.code, s.name, s.admin_area_id, c.counted_on, c.households, c.individuals,
                        c.source, \(unsafeRaw: cells)
                    FROM population_counts c JOIN sites s ON s.id = c.site_id
                    WHERE c.archived_at IS NULL AND \(conditions)\(after)
                    ORDER BY c.site_id, c.counted_on LIMIT \(literal: batchSize)
                    """
                ).all()
                var batch: [Exported] = []
                var end: (site: UUID, day: String)?
                for row in rows {
                    var values: [String: Int] = [:]
                    for column in cellColumns {
                        if let value = try row.decode(column: column, as: Int?.self) { values[column] = value }
                    }
                    let count = Exported(
                        siteCode: try row.decode(column: "code", as: String.self),
                        siteName: try row.decode(column: "name", as: String.self),
                        areaID: try row.decode(column: "admin_area_id", as: UUID.self),
                        countedOn: try row.decode(column: "counted_on", as: String.self),
                        households: try row.decode(column: "households", as: Int.self),
                        individuals: try row.decode(column: "individuals", as: Int.self), cells: values,
                        source: try row.decode(column: "source", as: String.self), areas: areas)
                    batch.append(count)
                    end = (try row.decode(column: "site_id", as: UUID.self), count.countedOn)
                }
                guard let end else { return }
                try await body(batch)
                last = end
            }
        }
    }
}
