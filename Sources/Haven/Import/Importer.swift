import Fluent
import Foundation

/// What a capability imports from a table: its sites, areas, rounds or 5W lines. Staging, checking,
/// confirming, background jobs and the upload pages are the same for every kind (`Imports`, `ImportPages`);
/// a capability says only how rows become a plan and how a plan is written. Listed in `Importers.all`.
protocol Importer {
    associatedtype Plan: ImportPlan
    /// Files staged and jobs run for this importer carry this kind.
    static var kind: ImportKind { get }
    /// Its upload page: title, address, who may use it and what the file holds.
    static var page: ImportPage { get }
    /// Checks every row against the database as it is. `user` is the person importing, nil from the command
    /// line (kinds whose rows must be the person's own refuse that).
    static func plan(_ table: Table, for user: UserContext?, on db: any Database, progress: ImportProgress?)
        async throws -> Plan
    /// Writes a clean plan, all of it, in the caller's transaction.
    static func commit(
        _ plan: Plan, for user: UserContext?, by actor: Actor, on db: any Database,
        progress: ImportProgress?) async throws
    /// Whether the plan made at the check may be kept until the person confirms and then written as it is.
    static var keepsPlans: Bool { get }
    /// Whether what the plan changes is still as it was checked, locking it until the transaction ends.
    static func stillAsChecked(_ plan: Plan, on db: any Database) async throws -> Bool
}

extension Importer {
    static var keepsPlans: Bool { false }

    static func stillAsChecked(_ plan: Plan, on db: any Database) async throws -> Bool { true }
}

/// A checked file: what it would change, and whether it can be imported.
protocol ImportPlan: Sendable {
    var preview: ImportPreview { get }
}

/// The name staged files and jobs are filed under; each capability declares its own.
struct ImportKind: RawRepresentable, Hashable, Codable, Sendable {
    var rawValue: String
}

/// An importer's upload page.
struct ImportPage: Sendable {
    var title: String
    /// Where the page is, e.g. `/import/sites`.
    var path: Address
    var permission: Permission
    /// What the file holds, shown above the upload field.
    var help: String
    /// Where the person sees what was imported.
    var result: Address
    /// A template to download, when the kind has one: its address and label.
    var template: (path: Address, label: String)?

    /// Where a checked file is confirmed, and where a background check or import is followed.
    var commit: Address { path.appending(":staged/commit") }
    var job: Address { path.appending("jobs/:job") }
}
