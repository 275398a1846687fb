import Fluent
import Foundation

/// A place where displaced people live, with its profile and the figures of its latest population count.
final class Site: Model, Audited, @unchecked Sendable {
    static let schema = "sites"
    static let auditEntity = "site"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    /// The code as it is compared: upper case, so that `camp-a` and `CAMP-A` are one site (unique).
    @Field(key: "code_key") var codeKey: String
    @Field(key: "name") var name: String
    @Field(key: "other_names") var otherNames: String
    @Enum(key: "type") var type: SiteType
    @Enum(key: "status") var status: SiteStatus
    @Parent(key: "admin_area_id") var adminArea: AdminArea
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalParent(key: "management_agency_id") var managementAgency: Organisation?
    @Enum(key: "land_ownership") var landOwnership: LandOwnership
    @OptionalField(key: "tenancy_agreement") var tenancyAgreement: Bool?
    @OptionalField(key: "area_m2") var areaSquareMetres: Double?
    @OptionalField(key: "capacity_households") var capacityHouseholds: Int?
    @OptionalField(key: "capacity_individuals") var capacityIndividuals: Int?
    @OptionalField(key: "opened_on") var openedOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "notes") var notes: String
    /// Lower-cased code, name and other names, so that search is one portable LIKE.
    @Field(key: "search_text") var searchText: String
    /// Copied from the latest count so that lists can sort and total by population at scale.
    @OptionalField(key: "population_individuals") var populationIndividuals: Int?
    @OptionalField(key: "population_households") var populationHouseholds: Int?
    @OptionalField(key: "population_counted_on") var populationCountedOn: String?
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var auditLabel: String { "\(code) \(name)" }

    var auditFields: [String: String] {
        [
            "code": code, "name": name, "otherNames": otherNames, "type": type.rawValue, "status": status.rawValue,
            "adminArea": $adminArea.id.uuidString, "latitude": latitude.auditText, "longitude": longitude.auditText,
            "managementAgency": $managementAgency.id.auditText, "landOwnership": landOwnership.rawValue,
            "tenancyAgreement": tenancyAgreement.auditText, "areaSquareMetres": areaSquareMetres.auditText,
            "capacityHouseholds": capacityHouseholds.auditText, "capacityIndividuals": capacityIndividuals.auditText,
            "openedOn": openedOn.auditText, "closedOn": closedOn.auditText, "notes": notes,
        ]
    }

    /// Keeps what is derived from the code and names (the compared code, the search text) in step with them.
    func refreshKeys() {
        codeKey = Self.key(code)
        searchText = [code, name, otherNames].joined(separator: " ").lowercased()
    }

    /// A site code as Haven compares it, whatever case and spaces people type it in.
    static func key(_ code: String) -> String { code.trimmed.uppercased() }

    /// A site in use, by its code as people type it (any case, spaces around) or by its id, as forms, links and
    /// ODK submissions name it; nil for an unknown or archived site.
    static func named(_ key: String, on db: any Database) async throws -> Site? {
        let site = try await identified(key, on: db)
        return site?.archivedAt == nil ? site : nil
    }

    /// A site by code or id, archived or not: what a list filter names, since old lines and items keep theirs.
    static func identified(_ key: String, on db: any Database) async throws -> Site? {
        if let id = UUID(uuidString: key.trimmed) { return try await Site.find(id, on: db) }
        return try await Site.query(on: db).filter(\.$codeKey == Self.key(key)).first()
    }

    /// The id of the site a list filter names by code or id; an unknown one adds its refusal on `field`.
    static func filtered(_ key: String?, field: String, on db: any Database, errors: inout [FieldError])
        async throws -> UUID?
    {
        guard let key = key.nonEmpty else { return nil }
        guard let site = try await identified(key, on: db) else {
            errors.append(FieldError(field, "'\(key.prefix(40))' is not a known site code or id"))
            return nil
        }
        return site.id
    }
}

/// A dated change of a site's status (opened, closing, closed …): the site's life story.
final class SiteStatusChange: Model, @unchecked Sendable {
    static let schema = "site_status_changes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "site_id") var site: Site
    @Enum(key: "status") var status: SiteStatus
    @Field(key: "changed_on") var changedOn: String
    @Field(key: "recorded_by") var recordedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(siteID: UUID, status: SiteStatus, changedOn: CalendarDay, recordedBy: String) {
        self.$site.id = siteID
        self.status = status
        self.changedOn = changedOn.description
        self.recordedBy = recordedBy
    }
}

/// Site codes are compared without regard to case. A database that already holds two codes differing
/// only in case cannot take the unique index: the migration stops and names them, for an operator to
/// rename one (`haven` then starts again and finishes the migration).
struct AddSiteCodeKeys: AsyncMigration {
    struct Clash: Error, CustomStringConvertible {
        var codes: [[String]]
        var description: String {
            "Site codes must differ in more than case. Rename one of each group, then start Haven again: "
                + codes.map { $0.joined(separator: " / ") }.joined(separator: "; ")
        }
    }

    func prepare(on database: any Database) async throws {
        let sites = try await database.sql.select().columns("id", "code").from(Site.schema).all(decoding: CodeRow.self)
        let groups = Dictionary(grouping: sites) { Site.key($0.code) }.values.filter { $0.count > 1 }
        guard groups.isEmpty else {
            throw Clash(codes: groups.map { $0.map(\.code).sorted() }.sorted { $0[0] < $1[0] })
        }
        try await database.schema(Site.schema).field("code_key", .string).update()
        for site in sites {
            try await database.sql.update(Site.schema).set("code_key", to: Site.key(site.code)).where(
                "id", .equal, site.id
            ).run()
        }
        try await database.createIndex("sites_code_key", on: Site.schema, "code_key", unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "sites_code_key").run()
        try await database.schema(Site.schema).deleteField("code_key").update()
    }

    private struct CodeRow: Decodable {
        var id: UUID
        var code: String
    }
}

struct CreateSites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Site.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("other_names", .string, .required)
            .field("type", .string, .required)
            .field("status", .string, .required)
            .field("admin_area_id", .uuid, .required, .references(AdminArea.schema, "id"))
            .field("latitude", .double)
            .field("longitude", .double)
            .field("management_agency_id", .uuid, .references(Organisation.schema, "id"))
            .field("land_ownership", .string, .required)
            .field("tenancy_agreement", .bool)
            .field("area_m2", .double)
            .field("capacity_households", .int)
            .field("capacity_individuals", .int)
            .field("opened_on", .string)
            .field("closed_on", .string)
            .field("notes", .string, .required)
            .field("search_text", .string, .required)
            // 32-bit so that SUM() stays an integer on PostgreSQL (SUM of BIGINT is NUMERIC).
            .field("population_individuals", .int32)
            .field("population_households", .int32)
            .field("population_counted_on", .string)
            .field("archived_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.createIndex("sites_admin_area", on: Site.schema, "admin_area_id")
        try await database.createIndex("sites_population", on: Site.schema, "population_individuals")
        try await database.createIndex("sites_name", on: Site.schema, "name")
        try await database.createIndex("sites_agency", on: Site.schema, "management_agency_id")

        try await database.schema(SiteStatusChange.schema)
            .id()
            .field("site_id", .uuid, .required, .references(Site.schema, "id"))
            .field("status", .string, .required)
            .field("changed_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.createIndex("site_status_changes_site", on: SiteStatusChange.schema, "site_id", "changed_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SiteStatusChange.schema).delete()
        try await database.schema(Site.schema).delete()
    }
}

extension Site {
    var scope: SiteScope { SiteScope(id: id!, managementAgencyID: $managementAgency.id) }
}

/// The site list's totals (how many sites, how many people) read from this index alone when no filter is
/// set. `archived_at` is a column too so that the index covers the condition it is partial on. Filter
/// columns are left out on purpose: SQLite's planner then chose this index for the list as well and sorted
/// every site instead of reading them in code order.
struct IndexLiveSiteTotals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createLiveIndex(
            "sites_live_totals", on: Site.schema, "population_individuals", "archived_at")
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "sites_live_totals").run()
    }
}
