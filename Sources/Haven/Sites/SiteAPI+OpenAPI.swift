import Foundation

extension OpenAPIDocument {
    /// The operations of `SiteAPI`.
    /// The site list's filters, which the exports of sites and of what is recorded at them take.
    static let siteExportFilters = ["q", "site", "type", "status", "adminArea", "managementAgency", "archived"]

    static var siteOperations: [Operation] {
        [
            Operation(
                "get", "/sites", "List sites", response: list("Site"),
                query: paging + ["q", "site", "type", "status", "adminArea", "managementAgency", "archived", "sort"]),
            Operation("post", "/sites", "Add a site", body: "SiteInput", response: "Site", status: 201),
            Operation("get", "/sites/{id}", "Read a site", response: "Site"),
            Operation(
                "put", "/sites/{id}", "Change a site (send back what you read)", body: "SiteInput", response: "Site"),
            Operation("post", "/sites/{id}/archive", "Archive a site", response: "Site"),
            Operation("post", "/sites/{id}/restore", "Restore an archived site", response: "Site"),
            Operation(
                "get", "/sites/{id}/status-history", "A site's dated status changes", response: list("StatusChange"),
                query: paging),
            Operation(
                "get", "/sites/{id}/audit-events", "A site's audit trail", response: list("AuditEvent"), query: paging),
            Operation(
                "get", "/exports/sites.geojson",
                "Sites with coordinates as GeoJSON points: status, current population, latest severity; streamed"),
        ]
            + downloads(
                Paths.sitesDownload,
                "The site master list (the site import's columns, areas from the top, latest count and severity); same filters as the list",
                query: siteExportFilters)
            + downloads(
                Paths.countsDownload,
                "Population over time: every count of the selected sites with sex and age and specific needs",
                query: siteExportFilters)
    }
}

extension Schemas {
    /// The JSON shapes `SiteAPI` reads and answers.
    static var siteSchemas: [String: Any] {
        var site = siteInput
        site["id"] = uuid
        site["archived"] = boolean
        site["createdAt"] = moment
        site["updatedAt"] = moment
        site["currentPopulation"] = [
            "type": ["object", "null"],
            "properties": ["individuals": integer, "households": integer, "countedOn": day],
        ]
        return [
            "SiteInput": object(siteInput, required: ["code", "name", "type", "status", "adminAreaId"]),
            "Site": object(site),
            "StatusChange": object(["status": oneOf(SiteStatus.self), "changedOn": day, "recordedBy": string]),
        ]
    }
}

extension Schemas {
    static var siteInput: [String: Any] {
        [
            "code": ["type": "string", "maxLength": 40, "pattern": "^[A-Za-z0-9_-]+$"], "name": text(.name),
            "otherNames": ["type": "array", "items": text(.name)], "type": oneOf(SiteType.self),
            "status": oneOf(SiteStatus.self), "adminAreaId": uuid, "latitude": optional(number),
            "longitude": optional(number),
            "managementAgencyId": optional(uuid), "landOwnership": oneOf(LandOwnership.self),
            "tenancyAgreement": optional(boolean),
            "areaSquareMetres": optional(["type": "number", "minimum": 0, "maximum": Counts.largest]),
            "capacityHouseholds": optional(count),
            "capacityIndividuals": optional(count), "openedOn": optional(day), "closedOn": optional(day),
            "notes": text(.note),
            "statusDate": [
                "type": "string", "format": "date", "writeOnly": true,
                "description": "When a status change took effect (write only); today if absent",
            ],
        ]
    }
}
