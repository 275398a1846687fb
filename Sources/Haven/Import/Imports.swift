import Fluent
import Foundation

/// Checking and importing files, the same for the pages, the API and the command line: the whole file is
/// checked, nothing is written unless it is clean, and then all of it is written in one transaction.
enum Imports {
    /// The preview for the CLI and the page alike. Rounds and 5W need the person, whose sites or organisation each row must be.
    static func preview(
        _ kind: StagedImport.Kind, text: String, user: UserContext?, on db: any Database,
        progress: ImportProgress? = nil
    ) async throws -> ImportPreview {
        let table = try Table(csv: text)
        switch kind {
        case .sites: return try await SiteImport.plan(table, on: db).preview
        case .adminAreas: return try await AdminAreaImport.plan(table, on: db).preview
        case .rounds: return try await RoundImport.plan(table, for: try person(user), on: db).preview
        case .activities:
            return try await ActivityImport.plan(table, for: try person(user), on: db, progress: progress).preview
        }
    }

    /// Plans again against the database as it is now, then writes all or nothing.
    static func commit(
        _ kind: StagedImport.Kind, text: String, user: UserContext?, by actor: Actor, on db: any Database,
        progress: ImportProgress? = nil
    ) async throws -> ImportPreview {
        let table = try Table(csv: text)
        return try await db.write { tx in
            switch kind {
            case .sites:
                let plan = try await SiteImport.plan(table, on: tx)
                try await SiteImport.commit(plan, by: actor, on: tx)
                return plan.preview
            case .adminAreas:
                let plan = try await AdminAreaImport.plan(table, on: tx)
                try await AdminAreaImport.commit(plan, by: actor, on: tx)
                return plan.preview
            case .rounds:
                let plan = try await RoundImport.plan(table, for: try person(user), on: tx)
                try await RoundImport.commit(plan, by: try person(user), on: tx)
                return plan.preview
            case .activities:
                let plan = try await ActivityImport.plan(table, for: try person(user), on: tx, progress: progress)
                guard try await ActivityImport.stillAsChecked(plan, on: tx) else {
                    throw HavenError.conflict(
                        "Some of these lines were changed by someone else while the file was imported; nothing was imported. Try again."
                    )
                }
                try await ActivityImport.commit(plan, by: try person(user), on: tx, progress: progress)
                return plan.preview
            }
        }
    }

    /// Checks an uploaded file and, when it can be imported, keeps it until the person confirms. A clean
    /// 5W file's plan is kept too, for a confirmation that follows before anything else changes.
    static func stage(
        _ kind: StagedImport.Kind, fileName: String, text: String, user: UserContext, on db: any Database,
        plans: ImportPlans, progress: ImportProgress? = nil
    ) async throws -> (ImportPreview, StagedImport?) {
        var plan: ActivityImport.Plan?
        var changeCount = 0
        if kind == .activities {
            changeCount = try await AuditTrail.changeCount(on: db)
            plan = try await ActivityImport.plan(try Table(csv: text), for: user, on: db, progress: progress)
        }
        let preview: ImportPreview
        if let plan {
            preview = plan.preview
        } else {
            preview = try await Self.preview(kind, text: text, user: user, on: db, progress: progress)
        }
        guard preview.canCommit else { return (preview, nil) }
        let staged = StagedImport(kind: kind, fileName: fileName, content: text, userID: user.id)
        try await staged.create(on: db)
        if let plan { await plans.keep(plan, for: staged.id!, changeCount: changeCount) }
        return (preview, staged)
    }

    /// Imports a file this person staged, once.
    static func commitStaged(
        _ kind: StagedImport.Kind, _ rawID: String?, user: UserContext, on db: any Database, plans: ImportPlans,
        progress: ImportProgress? = nil
    ) async throws -> (StagedImport, ImportPreview) {
        guard let rawID, let id = UUID(uuidString: rawID), let staged = try await StagedImport.find(id, on: db),
            staged.userID == user.id, staged.kind == kind
        else {
            throw HavenError.notFound("Staged import")
        }
        guard staged.committedAt == nil else { throw HavenError.conflict("This file was already imported.") }
        let kept = await plans.takePlan(for: id)
        let committedAt = Date()
        let preview = try await db.write { tx in
            // Claimed inside the import's own transaction: of two confirmations at once, one imports, the other gets 409.
            guard try await StagedImport.claim(id, at: committedAt, on: tx) else {
                throw HavenError.conflict("This file was already imported.")
            }
            // No change anywhere since the check, nor in the lines it changes (locked, so a change being saved
            // at this moment is waited for), means the plan still holds; otherwise check again.
            guard let kept, try await AuditTrail.changeCount(on: tx) == kept.changeCount,
                try await ActivityImport.stillAsChecked(kept.plan, on: tx)
            else {
                return try await Self.commit(
                    kind, text: staged.content, user: user, by: user.actor, on: tx, progress: progress)
            }
            try await ActivityImport.commit(kept.plan, by: user, on: tx, progress: progress)
            return kept.plan.preview
        }
        staged.committedAt = committedAt
        return (staged, preview)
    }

    private static func person(_ user: UserContext?) throws -> UserContext {
        guard let user else {
            throw HavenError.badRequest(
                "Rounds and 5W lines are imported in the browser or the API, where each row is checked against your account."
            )
        }
        return user
    }
}
