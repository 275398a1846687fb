import Fluent
import Vapor

/// The filters of the 5W list, read from the query string, and the partner's own view.
struct ActivityFilter {
    var sector: String?
    var organisation: UUID?
    var site: UUID?
    var adminArea: String?
    var status: ActivityStatus?
    var month: ReportingMonth?
    var archived = false
    var user: UserContext

    init(_ req: Request, user: UserContext) throws {
        var errors: [FieldError] = []
        sector = (req.query["sector"] as String?).nonEmpty
        organisation = try Self.uuid(req, "organisation", &errors)
        site = try Self.uuid(req, "site", &errors)
        adminArea = (req.query["adminArea"] as String?).nonEmpty
        if let raw = (req.query["status"] as String?).nonEmpty {
            status = ActivityStatus(rawValue: raw)
            if status == nil {
                errors.append(
                    FieldError(
                        "status", "must be one of \(ActivityStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let raw = (req.query["month"] as String?).nonEmpty {
            month = ReportingMonth(raw)
            if month == nil { errors.append(ReportingMonth.refusal("month", raw)) }
        }
        archived = req.query["archived"] == "true"
        self.user = user
        try HavenError.check(errors)
    }

    private static func uuid(_ req: Request, _ name: String, _ errors: inout [FieldError]) throws -> UUID? {
        guard let raw = (req.query[name] as String?).nonEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            errors.append(FieldError(name, "'\(raw)' is not an id"))
            return nil
        }
        return id
    }

    /// Partners see the lines their organisation reports or implements; everyone else sees all.
    static func canSee(_ activity: Activity, _ user: UserContext) -> Bool {
        user.role != .partner
            || [activity.$reportingOrganisation.id, activity.$implementingOrganisation.id].contains(user.organisationID)
    }

    /// The matching lines, unsorted: lists and exports order them differently.
    func query(on db: any Database) async throws -> QueryBuilder<Activity> {
        let query = Activity.query(on: db)
        if archived { query.archived() } else { query.live() }
        if user.role == .partner {
            let own = user.organisationID ?? UUID()
            query.group(.or) {
                $0.filter(\.$reportingOrganisation.$id == own).filter(\.$implementingOrganisation.$id == own)
            }
        }
        if let sector { query.filter(\.$sector == sector) }
        if let organisation {
            query.group(.or) {
                $0.filter(\.$reportingOrganisation.$id == organisation).filter(
                    \.$implementingOrganisation.$id == organisation)
            }
        }
        if let site { query.filter(\.$site.$id == site) }
        if let status { query.filter(\.$status == status) }
        if let month { query.filter(\.$month == month.description) }
        if let key = adminArea {
            guard let area = try await AdminAreaLookup.find(key, on: db) else {
                throw HavenError.invalid([FieldError("adminArea", "'\(key)' is not a known P-code or area id")])
            }
            query.filter(\.$adminArea.$id ~~ (try await AdminAreaLookup.descendantIDs(of: area, on: db)))
        }
        return query
    }
}
