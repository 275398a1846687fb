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
        let input = SiteRegister.input(from: site)
        id = try site.requireID()
        code = input.code
        name = input.name
        otherNames = input.otherNames ?? []
        type = input.type
        status = input.status
        adminAreaId = input.adminAreaId
        latitude = input.latitude
        longitude = input.longitude
        managementAgencyId = input.managementAgencyId
        landOwnership = site.landOwnership
        tenancyAgreement = input.tenancyAgreement
        areaSquareMetres = input.areaSquareMetres
        capacityHouseholds = input.capacityHouseholds
        capacityIndividuals = input.capacityIndividuals
        openedOn = input.openedOn
        closedOn = input.closedOn
        notes = site.notes
        if let individuals = site.populationIndividuals, let day = site.populationCountedOn {
            currentPopulation = Population(
                individuals: individuals, households: site.populationHouseholds ?? 0, countedOn: day)
        }
        archived = site.archivedAt != nil
        createdAt = site.createdAt
        updatedAt = site.updatedAt
    }
}
