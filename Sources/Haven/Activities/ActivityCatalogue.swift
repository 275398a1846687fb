import Fluent
import Vapor

/// Adding, renaming, archiving and restoring activities: the one write path of the API and the page.
enum ActivityCatalogue {
    static func add(_ body: ActivityTypeBody, by user: UserContext, on db: any Database) async throws -> ActivityType {
        let taken = Set(try await ActivityType.query(on: db).all().map { $0.code.uppercased() })
        try HavenError.check(ActivityTypeRules.check(body, existing: nil, takenCodes: taken))
        let type = ActivityType(
            code: body.code.trimmed.uppercased(), sector: ResponseSector.named(body.sector)!.code,
            name: body.name.trimmed)
        try await Audit.create(type, by: user.actor, on: db)
        return type
    }

    static func rename(_ type: ActivityType, with body: ActivityTypeBody, by user: UserContext, on db: any Database)
        async throws
    {
        try HavenError.check(ActivityTypeRules.check(body, existing: type, takenCodes: []))
        let before = type.auditFields
        type.name = body.name.trimmed
        try await Audit.update(type, before: before, by: user.actor, on: db)
    }
}
