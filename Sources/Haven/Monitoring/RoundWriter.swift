import Fluent
import Vapor

/// Group commit for rounds: those that arrive while earlier ones are being written go to disk together,
/// in one transaction and one flush, instead of queueing for a flush each. Every caller is answered
/// only after the transaction holding its round has committed, so an acknowledged ODK submission is
/// always durable.
actor RoundWriter {
    private var waiting: [(entry: RoundRegister.Entry, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false
    /// Bounded so that a batch stays within PostgreSQL's limit on parameters per statement.
    static let largestBatch = 500
    let metrics: Metrics

    init(metrics: Metrics) {
        self.metrics = metrics
    }

    func write(_ entry: RoundRegister.Entry, on db: any Database) async throws {
        try await withCheckedThrowingContinuation { done in
            waiting.append((entry, done))
            guard !writing else { return }
            writing = true
            Task { await drain(on: db) }
        }
    }

    /// Writes whatever is waiting, batch after batch, until nothing is.
    private func drain(on db: any Database) async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.largestBatch))
            waiting.removeFirst(batch.count)
            await metrics.recordRoundBatch(size: batch.count)
            do {
                try await db.write { tx in try await RoundRegister.store(batch.map(\.entry), on: tx) }
                for item in batch { item.done.resume() }
            } catch {
                // A round the database refuses must not take the others with it: write each alone.
                for item in batch {
                    do {
                        try await db.write { tx in try await RoundRegister.store([item.entry], on: tx) }
                        item.done.resume()
                    } catch {
                        item.done.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }
}

struct RoundWriterKey: StorageKey {
    typealias Value = RoundWriter
}

extension Request {
    /// The operation's one round writer.
    var roundWriter: RoundWriter { application.storage[RoundWriterKey.self]! }
}
