import Foundation
import Vapor

/// Reports how far a long import has got: rows done out of all.
typealias ImportProgress = @Sendable (_ done: Int, _ total: Int) async -> Void

/// Large files are checked and imported beside the request that sent them, so that the page can follow
/// their progress. The jobs live in memory: after a restart the page asks for the file again, and
/// nothing half-done is ever written (each import is one transaction).
///
/// The last checked 5W plans are kept too: confirming a file when nothing has changed in the meantime
/// writes the plan already made instead of checking every row again.
actor ImportJobs {
    struct Job: Sendable {
        enum Phase: Sendable { case checking, checked, importing, imported, failed }

        var kind: StagedImport.Kind
        var userID: UUID
        var fileName: String
        var phase: Phase = .checking
        var done = 0
        var total = 0
        var preview: ImportPreview?
        /// Set once a clean file is kept for confirmation.
        var stagedID: UUID?
        var failure: String?
    }

    private var jobs: [UUID: Job] = [:]
    private var plans: [(stagedID: UUID, plan: ActivityImport.Plan, changeCount: Int)] = []
    /// Plans of a hundred thousand lines are large; only the latest few are kept.
    private let plansKept = 2

    func begin(_ id: UUID, _ job: Job) { jobs[id] = job }

    func job(_ id: UUID) -> Job? { jobs[id] }

    func update(_ id: UUID, _ change: (inout Job) -> Void) {
        guard var job = jobs[id] else { return }
        change(&job)
        jobs[id] = job
    }

    /// A progress reporter for one job.
    nonisolated func reporter(for id: UUID) -> ImportProgress {
        { done, total in await self.update(id) { $0.done = done; $0.total = total } }
    }

    /// Keeps a plan made when Haven had seen `changeCount` changes.
    func keep(_ plan: ActivityImport.Plan, for stagedID: UUID, changeCount: Int) {
        plans.append((stagedID, plan, changeCount))
        if plans.count > plansKept { plans.removeFirst(plans.count - plansKept) }
    }

    /// The plan made when the staged file was checked, removed from the store.
    func takePlan(for stagedID: UUID) -> (plan: ActivityImport.Plan, changeCount: Int)? {
        guard let index = plans.firstIndex(where: { $0.stagedID == stagedID }) else { return nil }
        let kept = plans.remove(at: index)
        return (kept.plan, kept.changeCount)
    }
}

struct ImportJobsKey: StorageKey {
    typealias Value = ImportJobs
}

extension Application {
    var importJobs: ImportJobs { storage[ImportJobsKey.self]! }
}
