import Fluent
import Vapor

/// `/api/v1/locked-months`: coordinators close a reporting month to changes and reopen it; both are audited.
struct MonthLockAPI: RouteCollection {
    struct LockBody: Content {
        var month: String
        var locked: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        let months = routes.grouped("locked-months")
        months.get(use: list)
        months.post(":month", "lock") { try await self.set(true, $0) }
        months.post(":month", "unlock") { try await self.set(false, $0) }
    }

    func list(req: Request) async throws -> Page<LockBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let (months, total) = try await LockedMonth.query(on: req.db).live().sort(
            \.$month, .descending
        ).fetchPage(page)
        return Page(items: months.map { LockBody(month: $0.month, locked: true) }, total: total, request: page)
    }

    func set(_ locked: Bool, _ req: Request) async throws -> LockBody {
        let user = try req.authorize(.lockMonths)
        guard let raw = req.parameters.get("month"), let month = ReportingMonth(raw) else {
            throw HavenError.invalid([ReportingMonth.refusal("month", req.parameters.get("month"))])
        }
        try await MonthLocks.set(locked, month, by: user.actor, on: req.db)
        return LockBody(month: month.description, locked: locked)
    }
}
