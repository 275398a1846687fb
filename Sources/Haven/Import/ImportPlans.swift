import Foundation
import Vapor

/// Reports how far a long import has got: rows done out of all.
typealias ImportProgress = @Sendable (_ done: Int, _ total: Int) async -> Void

/// The last checked plans of importers that keep them (the 5W), in this process: confirming a file when nothing
/// has changed in the meantime writes the plan already made instead of checking every row again. Only a shortcut: an instance
/// that holds no plan for a file (another checked it, or it restarted) checks the file again at confirmation.
actor ImportPlans {
    private var plans: [(stagedID: UUID, plan: any ImportPlan, changeCount: Int)] = []
    /// Plans of a hundred thousand lines are large; only the latest few are kept.
    private let plansKept = 2

    /// Keeps a plan made when Haven had seen `changeCount` changes.
    func keep(_ plan: any ImportPlan, for stagedID: UUID, changeCount: Int) {
        plans.append((stagedID, plan, changeCount))
        if plans.count > plansKept { plans.removeFirst(plans.count - plansKept) }
    }

    /// The plan made when the staged file was checked, removed from the store.
    func takePlan(for stagedID: UUID) -> (plan: any ImportPlan, changeCount: Int)? {
        guard let index = plans.firstIndex(where: { $0.stagedID == stagedID }) else { return nil }
        let kept = plans.remove(at: index)
        return (kept.plan, kept.changeCount)
    }
}

struct ImportPlansKey: StorageKey {
    typealias Value = ImportPlans
}

extension Application {
    var importPlans: ImportPlans {
        guard let plans = storage[ImportPlansKey.self] else {
            fatalError("configure(_:settings:) sets the import plans")
        }
        return plans
    }
}
