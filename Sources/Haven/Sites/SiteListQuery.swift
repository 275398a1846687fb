import Fluent
import Foundation
import SQLKit

/// One line of a site list: the site's own columns with its area's and managing organisation's names,
/// read as plain values (a list of fifty read through Fluent models spent most of its time in reflection).
struct SiteRow: Decodable, Sendable {
    var id: UUID
    var code: String
    var name: String
    var otherNames: String
    var type: SiteType
    var status: SiteStatus
    var adminAreaId: UUID
    var latitude: Double?
    var longitude: Double?
    var managementAgencyId: UUID?
    var landOwnership: LandOwnership
    var tenancyAgreement: Bool?
    var areaSquareMetres: Double?
    var capacityHouseholds: Int?
    var capacityIndividuals: Int?
    var openedOn: String?
    var closedOn: String?
    var notes: String
    var populationIndividuals: Int?
    var populationHouseholds: Int?
    var populationCountedOn: String?
    var archivedAt: Date?
    var createdAt: Date?
    var updatedAt: Date?
    var areaName: String?
    var agencyName: String?
    var agencyAcronym: String?

    /// The managing organisation as tables name it: its acronym when it has one.
    var agencyShortName: String? {
        guard let agencyName else { return nil }
        return agencyAcronym.nonEmpty ?? agencyName
    }

    /// The columns as the query names them.
    enum CodingKeys: String, CodingKey {
        case id, code, name, type, status, latitude, longitude, notes
        case otherNames = "other_names"
        case adminAreaId = "admin_area_id"
        case managementAgencyId = "management_agency_id"
        case landOwnership = "land_ownership"
        case tenancyAgreement = "tenancy_agreement"
        case areaSquareMetres = "area_square_metres"
        case capacityHouseholds = "capacity_households"
        case capacityIndividuals = "capacity_individuals"
        case openedOn = "opened_on"
        case closedOn = "closed_on"
        case populationIndividuals = "population_individuals"
        case populationHouseholds = "population_households"
        case populationCountedOn = "population_counted_on"
        case archivedAt = "archived_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case areaName = "area_name"
        case agencyName = "agency_name"
        case agencyAcronym = "agency_acronym"
    }
}

extension SiteRow {
    init(_ site: Site) throws {
        self.init(
            id: try site.requireID(), code: site.code, name: site.name, otherNames: site.otherNames, type: site.type,
            status: site.status, adminAreaId: site.$adminArea.id, latitude: site.latitude, longitude: site.longitude,
            managementAgencyId: site.$managementAgency.id, landOwnership: site.landOwnership,
            tenancyAgreement: site.tenancyAgreement, areaSquareMetres: site.areaSquareMetres,
            capacityHouseholds: site.capacityHouseholds, capacityIndividuals: site.capacityIndividuals,
            openedOn: site.openedOn, closedOn: site.closedOn, notes: site.notes,
            populationIndividuals: site.populationIndividuals, populationHouseholds: site.populationHouseholds,
            populationCountedOn: site.populationCountedOn, archivedAt: site.archivedAt, createdAt: site.createdAt,
            updatedAt: site.updatedAt)
    }
}

/// A page of sites with the totals of everything the filter matches.
struct SiteList: Sendable {
    var rows: [SiteRow]
    var total: Int
    /// People at the matching sites, by their latest counts.
    var people: Int
}

/// The site list that the API, the site list page and an area's page read.
enum SiteListQuery {
    /// What a `SiteRow` reads, from `tables` (the site as `s`).
    static let columns = """
        s.id, s.code, s.name, s.other_names, s.type, s.status, s.admin_area_id, s.latitude, s.longitude,
        s.management_agency_id, s.land_ownership, s.tenancy_agreement, s.area_m2 AS area_square_metres,
        s.capacity_households, s.capacity_individuals, s.opened_on, s.closed_on, s.notes,
        s.population_individuals, s.population_households, s.population_counted_on, s.archived_at,
        s.created_at, s.updated_at, a.name AS area_name, o.name AS agency_name, o.acronym AS agency_acronym
        """
    static let tables = """
        sites s JOIN admin_areas a ON a.id = s.admin_area_id LEFT JOIN organisations o ON o.id = s.management_agency_id
        """

    static func fetch(_ filter: SiteFilter, page: PageRequest, on db: any Database) async throws -> SiteList {
        let conditions = try await filter.conditions(site: "s", on: db)
        let totals = try await db.sql.raw(
            """
            SELECT COUNT(*) AS total, SUM(s.population_individuals) AS people FROM sites s WHERE \(conditions)
            """
        ).first()
        let rows = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: tables)
            WHERE \(conditions) ORDER BY \(unsafeRaw: filter.order(site: "s")), s.code
            LIMIT \(literal: page.limit) OFFSET \(literal: page.offset)
            """
        ).all(decoding: SiteRow.self)
        return SiteList(
            rows: rows, total: try totals?.decode(column: "total", as: Int.self) ?? 0,
            people: try totals?.decode(column: "people", as: Int?.self) ?? 0)
    }
}
