import Fluent
import Foundation

/// Checking and importing files, the same for every importer and for the pages, the API and the command line:
/// the whole file is checked, nothing is written unless it is clean, and then all of it is written in one
/// transaction.
enum Imports {
    /// The importer filed under `kind`.
    static func importer(_ kind: ImportKind) throws -> any Importer.Type {
        guard let importer = Importers.all.first(where: { $0.kind == kind }) else {
            throw HavenError.notFound("Import")
        }
        return importer
    }

    /// What importing the file would change, for the CLI and the pages alike.
    static func preview(
        _ kind: ImportKind, text: String, user: UserContext?, on db: any Database, progress: ImportProgress? = nil
    ) async throws -> ImportPreview {
        try await plan(importer(kind), Table(csv: text), user: user, on: db, progress: progress).preview
    }

    /// Checks the file again against the database as it is now, then writes all or nothing.
    static func commit(
        _ kind: ImportKind, text: String, user: UserContext?, by actor: Actor, on db: any Database,
        progress: ImportProgress? = nil
    ) async throws -> ImportPreview {
        let importer = try importer(kind)
        let table = try Table(csv: text)
        return try await db.write { tx in
            try await checkAndWrite(importer, table, user: user, by: actor, on: tx, progress: progress)
        }
    }

    /// Checks an uploaded file and, when it can be imported, keeps it until the person confirms. The plan is
    /// kept too where the importer allows it, for a confirmation that follows before anything else changes.
    static func stage(
        _ kind: ImportKind, fileName: String, text: String, user: UserContext, on db: any Database,
        plans: ImportPlans, progress: ImportProgress? = nil
    ) async throws -> (ImportPreview, StagedImport?) {
        let importer = try importer(kind)
        let changeCount = importer.keepsPlans ? try await AuditTrail.changeCount(on: db) : 0
        let plan = try await plan(importer, Table(csv: text), user: user, on: db, progress: progress)
        guard plan.preview.canCommit else { return (plan.preview, nil) }
        let staged = StagedImport(kind: kind, fileName: fileName, content: text, userID: user.id)
        try await staged.create(on: db)
        if importer.keepsPlans, let id = staged.id { await plans.keep(plan, for: id, changeCount: changeCount) }
        return (plan.preview, staged)
    }

    /// Imports a file this person staged, once.
    static func commitStaged(
        _ kind: ImportKind, _ rawID: String?, user: UserContext, on db: any Database, plans: ImportPlans,
        progress: ImportProgress? = nil
    ) async throws -> (StagedImport, ImportPreview) {
        guard let rawID, let id = UUID(uuidString: rawID), let staged = try await StagedImport.find(id, on: db),
            staged.userID == user.id, staged.kind == kind
        else {
            throw HavenError.notFound("Staged import")
        }
        guard staged.committedAt == nil else { throw HavenError.conflict("This file was already imported.") }
        let importer = try importer(kind)
        let kept = await plans.takePlan(for: id)
        let committedAt = Date()
        let preview = try await db.write { tx in
            // Claimed inside the import's own transaction: of two confirmations at once, one imports, the other gets 409.
            guard try await StagedImport.claim(id, at: committedAt, on: tx) else {
                throw HavenError.conflict("This file was already imported.")
            }
            return try await writeStaged(
                importer, kept: kept, text: staged.content, user: user, on: tx, progress: progress)
        }
        staged.committedAt = committedAt
        return (staged, preview)
    }

    /// The person a row must belong to, for importers whose rows are checked against an account.
    static func person(_ user: UserContext?) throws -> UserContext {
        guard let user else {
            throw HavenError.badRequest(
                "Rounds and 5W lines are imported in the browser or the API, where each row is checked against your account."
            )
        }
        return user
    }

    private static func plan<I: Importer>(
        _ importer: I.Type, _ table: Table, user: UserContext?, on db: any Database, progress: ImportProgress?
    ) async throws -> I.Plan {
        try await I.plan(table, for: user, on: db, progress: progress)
    }

    private static func checkAndWrite<I: Importer>(
        _ importer: I.Type, _ table: Table, user: UserContext?, by actor: Actor, on tx: any Database,
        progress: ImportProgress?
    ) async throws -> ImportPreview {
        let plan = try await I.plan(table, for: user, on: tx, progress: progress)
        guard try await I.stillAsChecked(plan, on: tx) else {
            throw HavenError.conflict(
                "Some of these lines were changed by someone else while the file was imported; nothing was imported. Try again."
            )
        }
        try await I.commit(plan, for: user, by: actor, on: tx, progress: progress)
        return plan.preview
    }

    /// Writes the plan kept since the check when nothing changed anywhere since, nor in what it changes (locked,
    /// so a change being saved at this moment is waited for); otherwise checks the file again.
    private static func writeStaged<I: Importer>(
        _ importer: I.Type, kept: (plan: any ImportPlan, changeCount: Int)?, text: String, user: UserContext,
        on tx: any Database, progress: ImportProgress?
    ) async throws -> ImportPreview {
        if let kept, let plan = kept.plan as? I.Plan, try await AuditTrail.changeCount(on: tx) == kept.changeCount,
            try await I.stillAsChecked(plan, on: tx)
        {
            try await I.commit(plan, for: user, by: user.actor, on: tx, progress: progress)
            return plan.preview
        }
        return try await checkAndWrite(I.self, Table(csv: text), user: user, by: user.actor, on: tx, progress: progress)
    }
}
