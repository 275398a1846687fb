import Fluent
import Foundation
import SQLKit

extension Database {
    /// Locks one row until the transaction ends, so that what is read next is what will be changed and a
    /// second writer waits for the first (PostgreSQL's `SELECT … FOR UPDATE`). On SQLite the writers of the
    /// one process already go one at a time (`write`), and a read inside the transaction sees the latest.
    func lockRow(_ table: String, id: UUID) async throws {
        guard !isSQLite else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// Locks several rows of one table until the transaction ends, like `lockRow`.
    func lockRows(_ table: String, ids: [UUID]) async throws {
        guard !isSQLite, !ids.isEmpty else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id IN (\(binds: ids)) FOR UPDATE").run()
    }
}
