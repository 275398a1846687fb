import Fluent
import Foundation

/// Recording, correcting and archiving counts; each keeps the site's current population in step.
enum PopulationRegister {
    static func record(
        _ figures: PopulationFigures, for site: Site, by actor: Actor, on db: any Database,
        today: CalendarDay = .today()
    ) async throws -> PopulationCount {
        try await check(figures, site: site, existing: nil, on: db, today: today)
        let count = PopulationCount()
        count.$site.id = try site.requireID()
        count.figures = figures
        try await db.write { tx in
            try await Audit.create(count, by: actor, on: tx)
            try await refreshCurrent(of: site, on: tx)
        }
        return count
    }

    static func correct(
        _ count: PopulationCount, with figures: PopulationFigures, site: Site, by actor: Actor,
        on db: any Database, today: CalendarDay = .today()
    ) async throws {
        try await check(figures, site: site, existing: count, on: db, today: today)
        let before = count.auditFields
        count.figures = figures
        try await db.write { tx in
            if try await Audit.update(count, before: before, by: actor, on: tx) {
                try await refreshCurrent(of: site, on: tx)
            }
        }
    }

    static func setArchived(
        _ archived: Bool, _ count: PopulationCount, site: Site, by actor: Actor, on db: any Database
    ) async throws {
        try await db.write { tx in
            if archived {
                try await Audit.archive(count, by: actor, on: tx)
            } else {
                try await check(count.figures, site: site, existing: count, on: tx, today: .today())
                try await Audit.restore(count, by: actor, on: tx)
            }
            try await refreshCurrent(of: site, on: tx)
        }
    }

    /// A site's current population is its latest count that is not archived.
    static func refreshCurrent(of site: Site, on db: any Database) async throws {
        let latest = try await PopulationCount.query(on: db).filter(\.$site.$id == site.requireID())
            .live().sort(\.$countedOn, .descending).first()
        site.populationIndividuals = latest?.individuals
        site.populationHouseholds = latest?.households
        site.populationCountedOn = latest?.countedOn
        if site.hasChanges { try await site.update(on: db) }
    }

    private static func check(
        _ figures: PopulationFigures, site: Site, existing: PopulationCount?, on db: any Database,
        today: CalendarDay
    ) async throws {
        var errors = PopulationRules.validate(figures, today: today)
        if let opened = site.openedOn.flatMap(CalendarDay.init), figures.countedOn < opened {
            errors.append(FieldError("countedOn", "\(figures.countedOn) is before the site opened on \(opened)"))
        }
        let sameDay = try await PopulationCount.query(on: db).filter(\.$site.$id == site.requireID())
            .filter(\.$countedOn == figures.countedOn.description).live().all()
        if sameDay.contains(where: { $0.id != existing?.id }) {
            errors.append(
                FieldError(
                    "countedOn", "this site already has a count on \(figures.countedOn); correct that one instead"))
        }
        try HavenError.check(errors)
    }
}
