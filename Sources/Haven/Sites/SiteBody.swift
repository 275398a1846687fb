import Fluent
import Foundation
import Vapor

/// A site as the API sends it. It is a superset of `SiteInput`, so a client can send back what it read.
struct SiteBody: Content {
    struct Population: Content {
        var individuals: Int
        var households: Int
        var countedOn: String
    }

    var id: UUID
    var code: String
    var name: String
    var otherNames: [String]
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
    var openedOn: CalendarDay?
    var closedOn: CalendarDay?
    var notes: String
    var currentPopulation: Population?
    var archived: Bool
    var createdAt: Date?
    var updatedAt: Date?

    init(_ site: Site) throws {
        self.init(try SiteRow(site))
    }

    init(_ row: SiteRow) {
        id = row.id
        code = row.code
        name = row.name
        otherNames = row.otherNames.isEmpty ? [] : row.otherNames.components(separatedBy: "; ")
        type = row.type
        status = row.status
        adminAreaId = row.adminAreaId
        latitude = row.latitude
        longitude = row.longitude
        managementAgencyId = row.managementAgencyId
        landOwnership = row.landOwnership
        tenancyAgreement = row.tenancyAgreement
        areaSquareMetres = row.areaSquareMetres
        capacityHouseholds = row.capacityHouseholds
        capacityIndividuals = row.capacityIndividuals
        openedOn = row.openedOn.flatMap(CalendarDay.init)
        closedOn = row.closedOn.flatMap(CalendarDay.init)
        notes = row.notes
        if let individuals = row.populationIndividuals, let day = row.populationCountedOn {
            currentPopulation = Population(
                individuals: individuals, households: row.populationHouseholds ?? 0, countedOn: day)
        }
        archived = row.archivedAt != nil
        createdAt = row.createdAt
        updatedAt = row.updatedAt
    }
}
