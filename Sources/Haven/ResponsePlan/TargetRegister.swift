import Fluent
import Foundation

/// Setting, correcting and archiving response plan targets: the one write path of the API and the pages.
enum TargetRegister {
    static func record(_ input: TargetInput, by user: UserContext, on db: any Database) async throws -> ResponseTarget {
        try await check(input, replacing: nil, on: db)
        let target = ResponseTarget()
        apply(input, to: target)
        try await Audit.create(target, by: user.actor, on: db)
        return target
    }

    static func update(_ target: ResponseTarget, with input: TargetInput, by user: UserContext, on db: any Database)
        async throws
    {
        try await check(input, replacing: target, on: db)
        let before = target.auditFields
        apply(input, to: target)
        try await Audit.update(target, before: before, by: user.actor, on: db)
    }

    static func setArchived(_ archived: Bool, _ target: ResponseTarget, by user: UserContext, on db: any Database)
        async throws
    {
        if archived { return try await Audit.archive(target, by: user.actor, on: db) }
        try await requireUnique(target.scopeKey, except: target.id, on: db)
        try await Audit.restore(target, by: user.actor, on: db)
    }

    private static func check(_ input: TargetInput, replacing existing: ResponseTarget?, on db: any Database)
        async throws
    {
        var activities: [String: String] = [:]
        for type in try await ActivityType.query(on: db).live().all() {
            activities[type.code.uppercased()] = type.sector
        }
        let pcode = input.adminArea?.trimmed.uppercased() ?? ""
        let pcodes =
            pcode.isEmpty
            ? []
            : Set(
                try await AdminArea.query(on: db).filter(\.$pcode == pcode).live().all().map(
                    \.pcode))
        try HavenError.check(TargetRules.check(input, known: TargetRules.Known(activities: activities, pcodes: pcodes)))
        let probe = ResponseTarget()
        apply(input, to: probe)
        try await requireUnique(probe.scopeKey, except: existing?.id, on: db)
    }

    private static func requireUnique(_ key: String, except id: UUID?, on db: any Database) async throws {
        let twins = try await ResponseTarget.query(on: db).live().all().filter {
            $0.scopeKey == key && $0.id != id
        }
        guard twins.isEmpty else {
            throw HavenError.conflict(
                "The plan already has a target for this sector, activity, area and period; correct that one instead.")
        }
    }

    static func apply(_ input: TargetInput, to target: ResponseTarget) {
        target.sector = ResponseSector.named(input.sector)?.code ?? input.sector
        target.activityCode = input.activity?.trimmed.uppercased() ?? ""
        target.areaPcode = input.adminArea?.trimmed.uppercased() ?? ""
        target.indicator = input.indicator?.trimmed ?? ""
        target.fromMonth = input.fromMonth.description
        target.toMonth = input.toMonth.description
        target.people = input.people
        target.comment = input.comment?.trimmed ?? ""
    }
}
