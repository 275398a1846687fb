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

/// Locking is a record that exists (locked) or is archived (unlocked), so every lock and unlock is in the trail.
enum MonthLocks {
    static func set(_ locked: Bool, _ month: ReportingMonth, by actor: Actor, on db: any Database) async throws {
        let existing = try await LockedMonth.query(on: db).filter(\.$month == month.description).first()
        switch (locked, existing) {
        case (true, nil): try await Audit.create(LockedMonth(month: month), by: actor, on: db)
        case (true, let lock?): try await Audit.restore(lock, by: actor, on: db)
        case (false, let lock?): try await Audit.archive(lock, by: actor, on: db)
        case (false, nil): break
        }
    }
}
