import Fluent
import Vapor

/// An organisation's own 5W page: its months (reported and missing), its lines, and a template to fill.
struct ReportingPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.ownReporting, use: mine)
        routes.get(Paths.reporting, use: show)
        routes.get(Paths.reportingTemplate, use: template)
    }

    /// Partners and site managers land on their organisation's page; others see every organisation's reporting.
    func mine(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        if let organisation = user.organisationID { return req.redirect(to: Paths.reporting.link(organisation)) }
        let organisations = try await Organisation.choices(on: req.db)
        let reported = try await ReportingQuery.reported(on: req.db)
        return Layout.response(
            ReportingView.overview(
                user: user, organisations: organisations, reported: reported,
                current: ReportingMonth(CalendarDay.today())))
    }

    func show(req: Request) async throws -> Response {
        let (user, organisation) = try await visible(req)
        let months = try await ReportingQuery.months(of: organisation.requireID(), on: req.db)
        let current = ReportingMonth(CalendarDay.today())
        let missing = ReportingCalendar.missingMonths(
            reported: Set(months.compactMap { ReportingMonth($0.month) }), current: current)
        let locked = try await MonthLocks.locked(on: req.db)
        return Layout.response(
            ReportingView(
                user: user, organisation: organisation, months: months, missing: missing, locked: locked,
                current: current
            ).render())
    }

    func template(req: Request) async throws -> Response {
        let (_, organisation) = try await visible(req)
        let month = try ResponseAnalysisQuery.month(req)
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
}
