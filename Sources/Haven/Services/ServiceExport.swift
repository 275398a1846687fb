import Fluent
import SQLKit
import Vapor

/// The service directory of the whole operation (or of one site, or one sector) as CSV with HXL and Excel:
/// what residents read on the posters, for partners' referral pathways.
enum ServiceExport {
    struct Exported: Decodable, Sendable {
        var siteCode: String
        var siteName: String
        var sector: String
        var name: String
        var provider: String
        var providerAcronym: String
        var location: String
        var hours: String
        var contact: String
        var referralFocalPoint: String
    }

    typealias Column = ExportTable<Exported>.Column

    static let table = ExportTable<Exported>(
        name: "Services", filename: "haven-services",
        columns: [
            Column("site_code", "#loc+code") { $0.siteCode },
            Column("site_name", "#loc+name") { $0.siteName },
            Column("sector", "#sector") { $0.sector },
            Column("service", "#service+name") { $0.name },
            Column("provider", "#org+name") { $0.provider },
            Column("provider_acronym", "#org+acronym") { $0.providerAcronym },
            Column("where", "#loc+description") { $0.location },
            Column("hours", "#service+hours") { $0.hours },
            Column("contact", "#contact") { $0.contact },
            Column("referral_focal_point", "#contact+referral") { $0.referralFocalPoint },
        ])

    static func rows(_ req: Request) async throws -> ExportTable<Exported>.Rows {
        try req.authorize(.readOperationalData)
        var errors: [FieldError] = []
        let site = try await Site.filtered(req.query["site"], field: "site", on: req.db, errors: &errors)
        try HavenError.check(errors)
        return ExportTable.all(
            try await rows(site: site, sector: (req.query["sector"] as String?).nonEmpty, on: req.replica))
    }

    static func rows(site: UUID?, sector: String?, on db: any Database) async throws -> [Exported] {
        let conditions: SQLQueryString =
            "v.archived_at IS NULL AND s.archived_at IS NULL"
            + (site.map { " AND v.site_id = \(bind: $0)" } ?? "") + (sector.map { " AND v.sector = \(bind: $0)" } ?? "")
        return try await db.sql.raw(
            """
            SELECT s.code AS "siteCode", s.name AS "siteName", v.sector, v.name, o.name AS provider,
                o.acronym AS "providerAcronym", v.location, v.hours, v.contact, v.referral_focal_point AS "referralFocalPoint"
            FROM services v JOIN sites s ON s.id = v.site_id JOIN organisations o ON o.id = v.provider_id
            WHERE \(conditions) ORDER BY s.code, v.sector, v.name
            """
        ).all(decoding: Exported.self)
    }
}
