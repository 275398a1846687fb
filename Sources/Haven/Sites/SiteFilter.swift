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
    /// One site, by code or id: its counts and rounds in the exports the site's page links to.
    var site: String?
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
        site = (req.query["site"] as String?).nonEmpty
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

    /// The filter as SQL conditions over `sites` aliased `site`. The area filter covers the area and everything
    /// inside it: P-codes nest, a child's starting with its parent's.
    func conditions(site: String, on db: any Database) async throws -> SQLQueryString {
        var sql: SQLQueryString = "\(unsafeRaw: site).archived_at IS \(unsafeRaw: archived ? "NOT NULL" : "NULL")"
        if let text {
            sql =
                sql
                + " AND \(unsafeRaw: site).search_text LIKE \(bind: LikePattern.containing(text.lowercased())) ESCAPE '!'"
        }
        if let type { sql = sql + " AND \(unsafeRaw: site).type = \(bind: type.rawValue)" }
        if let status { sql = sql + " AND \(unsafeRaw: site).status = \(bind: status.rawValue)" }
        if let managementAgencyId {
            sql = sql + " AND \(unsafeRaw: site).management_agency_id = \(bind: managementAgencyId)"
        }
        if let key = self.site {
            var errors: [FieldError] = []
            let id = try await Site.filtered(key, field: "site", on: db, errors: &errors)
            try HavenError.check(errors)
            sql = sql + " AND \(unsafeRaw: site).id = \(bind: id)"
        }
        if let adminArea {
            let within = try await AdminAreaLookup.within(
                adminArea, column: site + ".admin_area_id", field: "adminArea", on: db)
            sql = sql + " AND \(within)"
        }
        return sql
    }

    /// The sort order over `sites` aliased `site`. Sites never counted go last on both engines
    /// (PostgreSQL would put NULL first when descending).
    func order(site: String) -> String {
        let column =
            switch sort {
            case .code: "code"
            case .name: "name"
            case .population: "population_individuals"
            case .status: "status"
            case .type: "type"
            }
        let direction = descending ? "DESC" : "ASC"
        return "\(site).\(column) \(direction)\(sort == .population ? " NULLS LAST" : "")"
    }
}
