import Fluent
import Foundation

/// What 5W lines refer to (organisations, activities, sites, areas, locked months), read once for a
/// request or once for a whole file, so that checking a line needs no further query.
struct ActivityReferences: Sendable {
    struct Place: Sendable {
        var siteID: UUID?
        var areaID: UUID
    }

    struct Resolved: Sendable {
        var type: ActivityTypeRow
        var place: Place
    }

    struct ActivityTypeRow: Sendable {
        var id: UUID
        var code: String
        var sector: String
    }

    var organisations: Set<UUID> = []
    var types: [String: ActivityTypeRow] = [:]
    var siteAreas: [UUID: UUID] = [:]
    var areas: [String: UUID] = [:]
    var lockedMonths: Set<String> = []

    /// `siteIDs` and `pcodes` limit what is read for a single line; nil reads them all (imports).
    static func load(siteIDs: [UUID]?, pcodes: [String]?, on db: any Database) async throws -> ActivityReferences {
        var refs = ActivityReferences()
        refs.organisations = Set(
            try await Organisation.query(on: db).live().all().compactMap(\.id))
        for type in try await ActivityType.query(on: db).live().all() {
            refs.types[type.code.uppercased()] = ActivityTypeRow(
                id: try type.requireID(), code: type.code, sector: type.sector)
        }
        var sites = Site.query(on: db).live()
        if let siteIDs { sites = sites.filter(\.$id ~~ siteIDs) }
        for site in try await sites.field(\.$id).field(\.$adminArea.$id).all() {
            refs.siteAreas[try site.requireID()] = site.$adminArea.id
        }
        var areas = AdminArea.query(on: db).live()
        if let pcodes { areas = areas.filter(\.$pcode ~~ pcodes.map { $0.trimmed.uppercased() }) }
        for area in try await areas.field(\.$id).field(\.$pcode).all() { refs.areas[area.pcode] = try area.requireID() }
        refs.lockedMonths = try await MonthLocks.locked(on: db)
        return refs
    }

    /// The line's references, or why they do not hold.
    func resolve(_ input: ActivityInput) -> (Resolved?, [FieldError]) {
        var errors: [FieldError] = []
        for (field, id) in [
            ("reportingOrganisationId", input.reportingOrganisationId),
            ("implementingOrganisationId", input.implementingOrganisationId),
            ("donorOrganisationId", input.donorOrganisationId),
        ] {
            if let id, !organisations.contains(id) {
                errors.append(FieldError(field, "is not an organisation in Haven"))
            }
        }
        let type = types[input.activity.trimmed.uppercased()]
        if type == nil {
            errors.append(FieldError("activity", "'\(input.activity)' is not an activity of the catalogue"))
        }
        var place: Place?
        if let siteID = input.siteId {
            if let area = siteAreas[siteID] {
                place = Place(siteID: siteID, areaID: area)
            } else {
                errors.append(FieldError("siteId", "is not a site in Haven"))
            }
        } else if let pcode = input.adminArea?.trimmed.uppercased(), !pcode.isEmpty {
            if let area = areas[pcode] {
                place = Place(siteID: nil, areaID: area)
            } else {
                errors.append(FieldError("adminArea", "'\(pcode)' is not a P-code of the gazetteer"))
            }
        }
        if lockedMonths.contains(input.month.description) {
            errors.append(
                FieldError("month", "\(input.month) is locked; a coordinator must unlock it before its lines change"))
        }
        guard let type, let place, errors.isEmpty else { return (nil, errors) }
        return (Resolved(type: type, place: place), [])
    }
}
