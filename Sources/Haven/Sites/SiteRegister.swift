import Fluent
import Foundation

/// Creating and changing sites, the one path that API, web forms and imports share.
enum SiteRegister {
    static func create(_ input: SiteInput, by actor: Actor, on db: any Database, today: CalendarDay = .today())
        async throws -> Site
    {
        try await check(input, existing: nil, on: db, today: today)
        let site = Site()
        apply(input, to: site)
        try await db.write { tx in
            try await Audit.create(site, by: actor, on: tx)
            let since = input.statusDate ?? input.openedOn ?? today
            try await SiteStatusChange(
                siteID: site.requireID(), status: input.status, changedOn: since, recordedBy: actor.label
            ).create(on: tx)
        }
        return site
    }

    /// Returns whether anything changed; an identical input writes nothing.
    @discardableResult
    static func update(
        _ site: Site, with input: SiteInput, by actor: Actor, on db: any Database, today: CalendarDay = .today()
    ) async throws -> Bool {
        try await check(input, existing: site, on: db, today: today)
        let before = site.auditFields
        let previousStatus = site.status
        apply(input, to: site)
        return try await db.write { tx in
            let changed = try await Audit.update(site, before: before, by: actor, on: tx)
            if site.status != previousStatus {
                try await SiteStatusChange(
                    siteID: site.requireID(), status: site.status,
                    changedOn: input.statusDate ?? today, recordedBy: actor.label
                ).create(on: tx)
            }
            return changed
        }
    }

    static func input(from site: Site) -> SiteInput {
        SiteInput(
            code: site.code, name: site.name,
            otherNames: site.otherNames.isEmpty ? [] : site.otherNames.components(separatedBy: "; "),
            type: site.type, status: site.status, adminAreaId: site.$adminArea.id, latitude: site.latitude,
            longitude: site.longitude, managementAgencyId: site.$managementAgency.id, landOwnership: site.landOwnership,
            tenancyAgreement: site.tenancyAgreement, areaSquareMetres: site.areaSquareMetres,
            capacityHouseholds: site.capacityHouseholds, capacityIndividuals: site.capacityIndividuals,
            openedOn: site.openedOn.flatMap(CalendarDay.init), closedOn: site.closedOn.flatMap(CalendarDay.init),
            notes: site.notes)
    }

    private static func apply(_ input: SiteInput, to site: Site) {
        site.code = input.code.trimmed
        site.name = input.name.trimmed
        site.otherNames = (input.otherNames ?? []).map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "; ")
        site.type = input.type
        site.status = input.status
        site.$adminArea.id = input.adminAreaId
        site.latitude = input.latitude
        site.longitude = input.longitude
        site.$managementAgency.id = input.managementAgencyId
        site.landOwnership = input.landOwnership ?? .unknown
        site.tenancyAgreement = input.tenancyAgreement
        site.areaSquareMetres = input.areaSquareMetres
        site.capacityHouseholds = input.capacityHouseholds
        site.capacityIndividuals = input.capacityIndividuals
        site.openedOn = input.openedOn?.description
        site.closedOn = input.closedOn?.description
        site.notes = input.notes?.trimmed ?? ""
        site.refreshKeys()
    }

    /// Value rules first, then the ones that need the database: references exist, the code is free.
    private static func check(_ input: SiteInput, existing: Site?, on db: any Database, today: CalendarDay) async throws
    {
        var errors = SiteRules.validate(input, today: today)
        let area = try await AdminArea.find(input.adminAreaId, on: db)
        if area == nil || area?.archivedAt != nil {
            errors.append(FieldError("adminAreaId", "is not a known administrative area"))
        }
        if let agency = input.managementAgencyId, try await Organisation.find(agency, on: db) == nil {
            errors.append(FieldError("managementAgencyId", "is not a known organisation"))
        }
        let code = input.code.trimmed
        if let other = try await Site.query(on: db).filter(\.$codeKey == Site.key(code)).first(),
            other.id != existing?.id
        {
            errors.append(
                FieldError(
                    "code", "\(code) is already used by \(other.name)\(other.archivedAt == nil ? "" : " (archived)")"))
        }
        try HavenError.check(errors)
    }
}
