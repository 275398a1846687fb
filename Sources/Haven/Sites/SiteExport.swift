import Fluent
import SQLKit
import Vapor

/// The site master list as CSV with HXL and Excel: the registry's columns in the shape the site import reads
/// (so a list edited in Excel goes back in), with each site's areas from the top, its latest count and its
/// latest severity. Same filters as the site list.
enum SiteExport {
    struct Exported: Sendable {
        var site: SiteRow
        var severity: Int?
        var assessedOn: String?
        var areas: AreaTree
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Sites", filename: "haven-sites",
        columns: [
            Column("site_code", "#loc+code") { $0.site.code },
            Column("site_name", "#loc+name") { $0.site.name },
            Column("other_names", "#loc+name+alt") { $0.site.otherNames },
            Column("site_type", "#loc+type") { $0.site.type.rawValue },
            Column("site_status", "#status") { $0.site.status.rawValue },
        ]
            + AreaTree.columns(levels: AreaColumns.levels) { ($0.areas, $0.site.adminAreaId) } + [
                Column("latitude", "#geo+lat", .number) { $0.site.latitude.map { String($0) } ?? "" },
                Column("longitude", "#geo+lon", .number) { $0.site.longitude.map { String($0) } ?? "" },
                Column("management_agency", "#org+sma") { $0.site.agencyName ?? "" },
                Column("land_ownership", "#meta+land") { $0.site.landOwnership.rawValue },
                Column("tenancy_agreement", "#meta+tenancy") {
                    $0.site.tenancyAgreement.map { $0 ? "yes" : "no" } ?? ""
                },
                Column("area_m2", "#meta+area", .number) { $0.site.areaSquareMetres.map { String($0) } ?? "" },
                Column("capacity_households", "#capacity+hh", .number) { number($0.site.capacityHouseholds) },
                Column("capacity_individuals", "#capacity+ind", .number) { number($0.site.capacityIndividuals) },
                Column("opened_on", "#date+opened", .day) { $0.site.openedOn ?? "" },
                Column("closed_on", "#date+closed", .day) { $0.site.closedOn ?? "" },
                Column("households", "#population+hh+idps", .number) { number($0.site.populationHouseholds) },
                Column("individuals", "#population+ind+idps", .number) { number($0.site.populationIndividuals) },
                Column("counted_on", "#date+counted", .day) { $0.site.populationCountedOn ?? "" },
                Column("severity", "#severity", .number) { number($0.severity) },
                Column("assessed_on", "#date+assessed", .day) { $0.assessedOn ?? "" },
                Column("notes", "#meta+notes") { $0.site.notes },
            ])

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// The sites the filter selects, by code, a batch at a time; each batch starts after the last code (and id,
    /// for archived sites that share one), so none sorts or skips the sites before.
    static func rows(_ filter: SiteFilter, on db: any Database, batchSize: Int = 1000) async throws
        -> ExportTable<Exported>.Rows
    {
        let conditions = try await filter.conditions(site: "s", on: db)
        let areas = try await AreaTree.load(on: db)
        return { body in
            var last: (code: String, id: UUID)?
            while true {
                let after: SQLQueryString =
                    last.map {
                        " AND (s.code > \(bind: $0.code) OR (s.code = \(bind: $0.code) AND s.id > \(bind: $0.id)))"
                    } ?? ""
                let rows = try await db.sql.raw(
                    """
                    SELECT \(unsafeRaw: SiteListQuery.columns), r.overall_severity AS severity, r.conducted_on AS assessed_on
                    FROM \(unsafeRaw: SiteListQuery.tables)
                    LEFT JOIN monitoring_rounds r ON r.site_id = s.id AND r.latest AND r.archived_at IS NULL
                    WHERE \(conditions)\(after) ORDER BY s.code, s.id LIMIT \(literal: batchSize)
                    """
                ).all()
                let batch = try rows.map { row in
                    Exported(
                        site: try row.decode(model: SiteRow.self),
                        severity: try row.decode(column: "severity", as: Int?.self),
                        assessedOn: try row.decode(column: "assessed_on", as: String?.self), areas: areas)
                }
                guard let end = batch.last else { return }
                try await body(batch)
                last = (end.site.code, end.site.id)
            }
        }
    }
}
