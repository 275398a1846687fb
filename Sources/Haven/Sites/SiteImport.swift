import Fluent
import Foundation

/// Importing the site registry from a CSV: new codes are added, known codes updated, identical rows left alone.
enum SiteImport: Importer {
    static let fields: [ImportField] =
        [
            ImportField(
                name: "code", headers: ["site code", "site_code", "site id", "ssid"], hashtag: "#loc+code",
                required: true),
            ImportField(name: "name", headers: ["site name", "site_name"], hashtag: "#loc+name", required: true),
            ImportField(
                name: "otherNames", headers: ["other names", "alternative names", "other_names"],
                hashtag: "#loc+name+alt"),
            ImportField(name: "type", headers: ["site type", "site_type"], hashtag: "#loc+type", required: true),
            ImportField(name: "status", headers: ["site status", "site_status"], hashtag: "#status", required: true),
            ImportField(name: "adminPcode", headers: ["admin_pcode", "pcode", "admin area"], hashtag: "#adm+code"),
            ImportField(name: "latitude", headers: ["lat", "gps latitude"], hashtag: "#geo+lat"),
            ImportField(name: "longitude", headers: ["lon", "long", "lng", "gps longitude"], hashtag: "#geo+lon"),
            ImportField(
                name: "managementAgency", headers: ["sma", "site management agency", "management_agency"],
                hashtag: "#org+sma"),
            ImportField(
                name: "landOwnership", headers: ["land ownership", "land_ownership", "landowner"], hashtag: "#meta+land"
            ),
            ImportField(
                name: "tenancyAgreement", headers: ["tenancy agreement", "tenancy_agreement"], hashtag: "#meta+tenancy"),
            ImportField(name: "areaSquareMetres", headers: ["area_m2", "area m2", "area"], hashtag: "#meta+area"),
            ImportField(
                name: "capacityHouseholds", headers: ["capacity_households", "capacity hh"], hashtag: "#capacity+hh"),
            ImportField(
                name: "capacityIndividuals", headers: ["capacity_individuals", "capacity ind", "capacity"],
                hashtag: "#capacity+ind"),
            ImportField(
                name: "openedOn", headers: ["opened_on", "date opened", "opening date"], hashtag: "#date+opened"),
            ImportField(
                name: "closedOn", headers: ["closed_on", "date closed", "closing date"], hashtag: "#date+closed"),
            ImportField(name: "notes", headers: ["comments", "remarks"], hashtag: "#meta+notes"),
        ] + AreaColumns.fields

    struct Plan: ImportPlan {
        var preview = ImportPreview()
        var creates: [SiteInput] = []
        var updates: [(Site, SiteInput)] = []
    }

    static func plan(_ table: Table, for user: UserContext?, on db: any Database, progress: ImportProgress?)
        async throws -> Plan
    {
        let today = CalendarDay.today()
        var plan = Plan()
        let columns = table.columns(for: fields)
        plan.preview.missingColumns = fields.filter { $0.required && columns[$0.name] == nil }.map(\.name)
        if !AreaColumns.found(in: columns) && columns["adminPcode"] == nil {
            plan.preview.missingColumns.append("admin area P-code (adm1_pcode … adm4_pcode or admin_pcode)")
        }
        guard plan.preview.missingColumns.isEmpty else { return plan }
        let areas = Dictionary(
            try await AdminArea.query(on: db).live().all().map { ($0.pcode, $0.id!) },
            uniquingKeysWith: { a, _ in a })
        let agencies = try await Organisation.byName(on: db)
        let existing = Dictionary(
            try await Site.query(on: db).all().map { ($0.codeKey, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        for row in table.rows {
            plan.preview.rows += 1
            let values = columns.mapValues { $0 < row.cells.count ? row.cells[$0].trimmed : "" }
            let header: (String) -> String = { name in columns[name].map { table.headers[$0] } ?? name }
            var rowErrors: [FieldError] = []
            let pcode = AreaColumns.pcode(values, fallback: "adminPcode")
            let areaID = pcode.flatMap { areas[$0] }
            if let pcode, areaID == nil {
                rowErrors.append(
                    FieldError(
                        "adminPcode", "P-code \(pcode) is not in the gazetteer; import the administrative areas first"))
            } else if pcode == nil {
                rowErrors.append(FieldError("adminPcode", "is empty: every site needs its administrative area"))
            }
            var agencyID: UUID?
            if let agency = values["managementAgency"].nonEmpty {
                agencyID = agencies[agency.lowercased()]
                if agencyID == nil {
                    rowErrors.append(
                        FieldError("managementAgency", "'\(agency)' is not a known organisation name or acronym"))
                }
            }
            let (input, problems) = SiteForm.read(
                values, adminAreaId: areaID, managementAgencyId: agencyID, today: today)
            rowErrors += problems
            let key = Site.key(input.code)
            if let first = seen[key], !key.isEmpty {
                rowErrors.append(FieldError("code", "\(input.code) already appears on row \(first)"))
            }
            seen[key] = seen[key] ?? row.line
            guard rowErrors.isEmpty else {
                plan.preview.errors += rowErrors.map {
                    RowError(line: row.line, column: header($0.field), message: $0.message)
                }
                continue
            }
            if let site = existing[key] {
                if SiteRegister.input(from: site) == input {
                    plan.preview.unchanged += 1
                } else {
                    plan.preview.updates += 1
                    plan.updates.append((site, input))
                }
            } else {
                plan.preview.creates += 1
                plan.creates.append(input)
            }
        }
        return plan
    }

    /// Writes the whole plan or nothing.
    static func commit(
        _ plan: Plan, for user: UserContext?, by actor: Actor, on db: any Database, progress: ImportProgress?
    ) async throws {
        guard plan.preview.canCommit else { throw HavenError.badRequest("The file has errors; nothing was imported.") }
        try await db.write { tx in
            for input in plan.creates { _ = try await SiteRegister.create(input, by: actor, on: tx) }
            for (site, input) in plan.updates { try await SiteRegister.update(site, with: input, by: actor, on: tx) }
        }
    }
}

extension SiteImport {
    static let kind = ImportKind.sites
    static let page = ImportPage(
        title: "Import sites", path: Paths.importSites, permission: .createSite,
        help:
            "Columns by header or HXL hashtag, in any order: code (#loc+code), name (#loc+name), type (#loc+type), status (#status), the lowest admin P-code (adm1_pcode … adm4_pcode or #adm2+code …), and optionally latitude (#geo+lat), longitude (#geo+lon), management agency (#org+sma), land ownership, tenancy agreement, area_m2, capacity_households, capacity_individuals, opened_on, closed_on, notes. Known site codes are updated; identical rows change nothing.",
        result: Paths.sites)
}

extension ImportKind {
    static let sites = ImportKind(rawValue: "sites")
}
