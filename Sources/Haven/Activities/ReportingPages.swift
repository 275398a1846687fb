import Fluent
import SQLKit
import Vapor

/// An organisation's own 5W page: its months (reported and missing), its lines, and a template to fill.
struct ReportingPages: RouteCollection {
    struct Month: Decodable {
        var month: String
        var lines: Int
        var targeted: Int?
        var reached: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("activities", "mine", use: mine)
        routes.get("activities", "organisations", ":id", use: show)
        routes.get("activities", "organisations", ":id", "template.xlsx", use: template)
    }

    /// Partners and site managers land on their organisation's page; others see every organisation's reporting.
    func mine(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        if let organisation = user.organisationID { return req.redirect(to: Paths.reporting(organisation)) }
        let organisations = try await Organisation.query(on: req.db).live().sort(\.$name).all()
        struct Row: Decodable {
            var organisation: UUID
            var month: String
        }
        let rows = try await req.db.sql.raw(
            """
            SELECT reporting_organisation_id AS organisation, month FROM \(ident: Activity.schema) WHERE archived_at IS NULL
            GROUP BY reporting_organisation_id, month
            """
        ).all(decoding: Row.self)
        let reported = Dictionary(grouping: rows, by: \.organisation).mapValues {
            Set($0.compactMap { ReportingMonth($0.month) })
        }
        return Layout.response(
            ReportingView.overview(
                user: user, organisations: organisations, reported: reported,
                current: ReportingMonth(CalendarDay.today())))
    }

    func show(req: Request) async throws -> Response {
        let (user, organisation) = try await visible(req)
        let months = try await Self.months(of: organisation.requireID(), on: req.db)
        let current = ReportingMonth(CalendarDay.today())
        let missing = ReportingCalendar.missingMonths(
            reported: Set(months.compactMap { ReportingMonth($0.month) }), current: current)
        let locked = Set(try await LockedMonth.query(on: req.db).live().all().map(\.month))
        return Layout.response(
            ReportingView(
                user: user, organisation: organisation, months: months, missing: missing, locked: locked,
                current: current
            ).render())
    }

    func template(req: Request) async throws -> Response {
        let (_, organisation) = try await visible(req)
        let month = try ResponseAnalysisAPI.month(req)
        return try await ReportingTemplate.response(for: organisation, month: month, on: req)
    }

    /// The organisation, if this person may see its reporting: partners see their own only.
    private func visible(_ req: Request) async throws -> (UserContext, Organisation) {
        let user = try req.authorize(.readOperationalData)
        let organisation = try await req.find(Organisation.self, named: "Organisation")
        guard user.role != .partner || organisation.id == user.organisationID else {
            throw HavenError.notFound("Organisation")
        }
        return (user, organisation)
    }

    /// The months the organisation reported lines for, newest first, with their totals.
    static func months(of organisation: UUID, on db: any Database) async throws -> [Month] {
        try await db.sql.raw(
            """
            SELECT month, COUNT(*) AS lines, SUM(targeted) AS targeted, SUM(reached) AS reached FROM \(ident: Activity.schema)
            WHERE archived_at IS NULL AND reporting_organisation_id = \(bind: organisation) GROUP BY month ORDER BY month DESC
            """
        ).all(decoding: Month.self)
    }
}
