import Fluent
import Foundation
import SQLKit
import Vapor

/// The filters and sort order of a site list, read from the query string of both the API and the page.
struct SiteFilter: Sendable, Equatable {
    enum Sort: String, CaseIterable, Sendable {
        case code, name, population, status, type

        var label: String { rawValue.capitalized }
    }

    var text: String?
    var type: SiteType?
    var status: SiteStatus?
    /// A P-code or id; the filter covers the area and everything inside it.
    var adminArea: String?
    var managementAgencyId: UUID?
    var archived = false
    var sort: Sort = .code
    var descending = false

    init() {}

    init(_ req: Request) throws {
        var errors: [FieldError] = []
        text = (req.query["q"] as String?).nonEmpty
        if let raw = (req.query["type"] as String?).nonEmpty {
            type = SiteType(loose: raw)
            if type == nil {
                errors.append(FieldError("type", "'\(raw)' is not a site type; use one of \(SiteType.codeList)"))
            }
        }
        if let raw = (req.query["status"] as String?).nonEmpty {
            status = SiteStatus(loose: raw)
            if status == nil {
                errors.append(FieldError("status", "'\(raw)' is not a status; use one of \(SiteStatus.codeList)"))
            }
        }
        adminArea = (req.query["adminArea"] as String?).nonEmpty
        if let raw = (req.query["managementAgency"] as String?).nonEmpty {
            managementAgencyId = UUID(uuidString: raw)
            if managementAgencyId == nil { errors.append(FieldError("managementAgency", "must be an organisation id")) }
        }
        archived = (req.query["archived"] as String?) == "true"
        if var raw = (req.query["sort"] as String?).nonEmpty {
            descending = raw.hasPrefix("-")
            if descending { raw.removeFirst() }
            guard let sort = Sort(rawValue: raw) else {
                throw HavenError.invalid(
                    errors + [
                        FieldError(
                            "sort",
                            "'\(raw)' is not a sort order; use one of \(Sort.allCases.map(\.rawValue).joined(separator: ", ")), with - before it to reverse"
                        )
                    ])
            }
            self.sort = sort
        }
        try HavenError.check(errors)
    }

    /// The sites matching the filter, sorted, ready to page.
    func query(on db: any Database) async throws -> QueryBuilder<Site> {
        let query = Site.query(on: db)
        if archived { query.archived() } else { query.live() }
        if let text {
            query.filter(\.$searchText ~~ text.lowercased())
        }
        if let type { query.filter(\.$type == type) }
        if let status { query.filter(\.$status == status) }
        if let managementAgencyId { query.filter(\.$managementAgency.$id == managementAgencyId) }
        if let adminArea {
            guard let area = try await AdminAreaLookup.find(adminArea, on: db) else {
                throw HavenError.invalid([FieldError("adminArea", "'\(adminArea)' is not a known P-code or area id")])
            }
            query.filter(\.$adminArea.$id ~~ (try await AdminAreaLookup.descendantIDs(of: area, on: db)))
        }
        let direction: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
        switch sort {
        case .code: query.sort(\.$code, direction)
        case .name: query.sort(\.$name, direction)
        case .population:
            // Sites never counted go last on both engines (PostgreSQL would put NULL first when descending).
            query.sort(
                .custom(
                    SQLOrderBy(
                        expression: SQLColumn("population_individuals", table: Site.schema),
                        direction: SQLRaw(descending ? "DESC NULLS LAST" : "ASC NULLS LAST"))))
        case .status: query.sort(\.$status, direction)
        case .type: query.sort(\.$type, direction)
        }
        return query.sort(\.$code)
    }
}
