import Fluent

extension Database {
    /// A transaction for changing data. SQLite lets one connection write at a time and makes the others
    /// retry in a sleeping busy loop; on SQLite, writers here queue in this process instead and go in turn,
    /// which keeps ODK ingest and imports from stalling one another. PostgreSQL needs no queue.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite, !inTransaction else { return try await transaction(body) }
        await SQLiteWriters.queue.enter()
        do {
            let result = try await transaction(body)
            await SQLiteWriters.queue.leave()
            return result
        } catch {
            await SQLiteWriters.queue.leave()
            throw error
        }
    }
}

/// The writers waiting for their turn, first come first served.
actor SQLiteWriters {
    static let queue = SQLiteWriters()

    private var writing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard writing else {
            writing = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { writing = false } else { waiting.removeFirst().resume() }
    }
}
