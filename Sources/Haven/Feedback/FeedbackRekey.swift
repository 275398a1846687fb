import Fluent
import Foundation

/// Key rotation: every sealed value opened with the ring and sealed again with its newest key, in batches.
/// What the values say does not change, so the audit trail does not either.
enum FeedbackRekey {
    static func run(cipher: FeedbackCipher, on db: any Database, batch: Int = 500) async throws -> Int {
        var resealed = 0
        var offset = 0
        while true {
            let items = try await FeedbackItem.query(on: db).sort(\.$id).range(offset..<(offset + batch)).all()
            guard !items.isEmpty else { return resealed }
            offset += items.count
            let stale = items.filter { item in
                [item.description, item.contact, item.response].contains { $0.hasPrefix("v1:") && cipher.isStale($0) }
            }
            try await db.write { tx in
                for item in stale {
                    let id = try item.requireID()
                    func reseal(_ value: String) throws -> String {
                        value.hasPrefix("v1:") ? try cipher.seal(try cipher.open(value, for: id), for: id) : value
                    }
                    (item.description, item.contact, item.response) = (
                        try reseal(item.description), try reseal(item.contact), try reseal(item.response)
                    )
                    try await item.update(on: tx)
                }
            }
            resealed += stale.count
        }
    }
}
