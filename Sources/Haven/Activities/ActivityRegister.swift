import Fluent
import Foundation

/// Reporting, correcting and archiving 5W lines: the one write path of the API, the pages and imports.
enum ActivityRegister {
    struct Recorded {
        var activity: Activity
        /// Accepted, but worth a second look ("reached more than targeted").
        var warnings: [FieldError]
    }

    static func record(_ input: ActivityInput, by user: UserContext, on db: any Database, today: CalendarDay = .today())
        async throws -> Recorded
    {
        let (resolved, warnings) = try await check(input, replacing: nil, by: user, on: db, today: today)
        let activity = Activity()
        apply(input, resolved, to: activity)
        try await Audit.create(activity, by: user.actor, on: db)
        return Recorded(activity: activity, warnings: warnings)
    }

    static func update(
        _ activity: Activity, with input: ActivityInput, by user: UserContext, on db: any Database,
        today: CalendarDay = .today()
    ) async throws -> Recorded {
        let (resolved, warnings) = try await check(input, replacing: activity, by: user, on: db, today: today)
        let before = activity.auditFields
        apply(input, resolved, to: activity)
        try await Audit.update(activity, before: before, by: user.actor, on: db)
        return Recorded(activity: activity, warnings: warnings)
    }

    static func setArchived(_ archived: Bool, _ activity: Activity, by user: UserContext, on db: any Database)
        async throws
    {
        try await requireUnlocked(activity, by: user, on: db)
        if archived {
            try await Audit.archive(activity, by: user.actor, on: db)
        } else {
            let twin = try await sameLine(activity.naturalKey, except: activity.id, on: db)
            guard twin == nil else {
                throw HavenError.conflict(
                    "The same line was reported again since this one was archived; restore nothing, or archive that one first."
                )
            }
            try await Audit.restore(activity, by: user.actor, on: db)
        }
    }

    /// Everything a line must satisfy before it is written, with the references it resolved to.
    private static func check(
        _ input: ActivityInput, replacing existing: Activity?, by user: UserContext, on db: any Database,
        today: CalendarDay
    ) async throws -> (ActivityReferences.Resolved, [FieldError]) {
        if let existing { try await requireUnlocked(existing, by: user, on: db) }
        guard Permission.recordActivity(input.reportingOrganisationId).isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) lets you report activities for your own organisation only.")
        }
        let findings = ActivityRules.check(input, currentMonth: ReportingMonth(today))
        let refs = try await ActivityReferences.load(
            siteIDs: input.siteId.map { [$0] } ?? [], pcodes: input.adminArea.map { [$0] } ?? [], on: db)
        let (resolved, referenceErrors) = refs.resolve(input)
        var errors = findings.errors + referenceErrors
        if let resolved,
            try await sameLine(
                Activity.naturalKey(input, location: resolved.place.siteID ?? resolved.place.areaID),
                except: existing?.id, on: db) != nil
        {
            errors.append(
                FieldError(
                    "activity",
                    "this organisation already reported \(input.activity) there for \(input.month); correct that line instead"
                ))
        }
        try HavenError.check(errors)
        return (resolved!, findings.warnings)
    }

    private static func requireUnlocked(_ activity: Activity, by user: UserContext, on db: any Database) async throws {
        guard Permission.recordActivity(activity.$reportingOrganisation.id).isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) lets you change your own organisation's activities only.")
        }
        if try await LockedMonth.query(on: db).filter(\.$month == activity.month).live().first()
            != nil
        {
            throw HavenError.invalid([
                FieldError("month", "\(activity.month) is locked; a coordinator must unlock it before its lines change")
            ])
        }
    }

    private static func sameLine(_ key: String, except id: UUID?, on db: any Database) async throws -> Activity? {
        var query = Activity.query(on: db).filter(\.$naturalKey == key).live()
        if let id { query = query.filter(\.$id != id) }
        return try await query.first()
    }

    static func apply(_ input: ActivityInput, _ resolved: ActivityReferences.Resolved, to activity: Activity) {
        activity.$reportingOrganisation.id = input.reportingOrganisationId
        activity.$implementingOrganisation.id = input.implementingOrganisationId
        activity.$donor.id = input.donorOrganisationId
        activity.$activityType.id = resolved.type.id
        activity.activityCode = resolved.type.code
        activity.sector = resolved.type.sector
        activity.$site.id = resolved.place.siteID
        activity.$adminArea.id = resolved.place.areaID
        activity.status = input.status
        activity.startOn = input.startOn.description
        activity.endOn = input.endOn?.description
        activity.month = input.month.description
        activity.modality = input.modality
        activity.targeted = input.targeted?.total
        activity.reached = input.reached?.total
        activity.targetedCells = Activity.cells(input.targeted)
        activity.reachedCells = Activity.cells(input.reached)
        activity.householdsTargeted = input.householdsTargeted
        activity.householdsReached = input.householdsReached
        activity.comment = input.comment?.trimmed ?? ""
        activity.naturalKey = Activity.naturalKey(input, location: resolved.place.siteID ?? resolved.place.areaID)
    }
}
