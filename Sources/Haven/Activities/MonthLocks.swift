import Fluent
import Vapor

/// Locking is a record that exists (locked) or is archived (unlocked), so every lock and unlock is in the trail.
enum MonthLocks {
    /// The months locked now, as `yyyy-mm`.
    static func locked(on db: any Database) async throws -> Set<String> {
        Set(try await LockedMonth.query(on: db).live().all().map(\.month))
    }

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
