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

extension SiteBody: JSONWritable {
    /// The same members `Codable` gives, for the site list.
    func write(to json: inout JSONWriter) {
        json.object { site in
            site.field("id", id)
            site.field("code", code)
            site.field("name", name)
            site.key("otherNames")
            site.array(otherNames) { json, name in json.string(name) }
            site.field("type", type)
            site.field("status", status)
            site.field("adminAreaId", adminAreaId)
            site.field("latitude", latitude)
            site.field("longitude", longitude)
            site.field("managementAgencyId", managementAgencyId)
            site.field("landOwnership", landOwnership)
            site.field("tenancyAgreement", tenancyAgreement)
            site.field("areaSquareMetres", areaSquareMetres)
            site.field("capacityHouseholds", capacityHouseholds)
            site.field("capacityIndividuals", capacityIndividuals)
            site.field("openedOn", described: openedOn)
            site.field("closedOn", described: closedOn)
            site.field("notes", notes)
            if let currentPopulation {
                site.key("currentPopulation")
                site.object { population in
                    population.field("individuals", currentPopulation.individuals)
                    population.field("households", currentPopulation.households)
                    population.field("countedOn", currentPopulation.countedOn)
                }
            }
            site.field("archived", archived)
            site.field("createdAt", createdAt)
            site.field("updatedAt", updatedAt)
        }
    }
}
