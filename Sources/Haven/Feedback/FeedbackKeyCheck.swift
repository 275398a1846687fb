import Crypto
import Fluent
import Foundation
import SQLKit

/// What proves that every instance seals with the same keys: for each key id, a check value derived from
/// the key (never the key), kept in the database. An instance started with another key under a known id,
/// or without a key that sealed values still need, refuses to start and says why, instead of sealing what
/// the others cannot open.
final class FeedbackKeyCheck: Model, @unchecked Sendable {
    static let schema = "feedback_key_checks"

    @ID(custom: "key_id", generatedBy: .user) var id: String?
    @Field(key: "check_value") var checkValue: String

    init() {}

    init(keyID: String, checkValue: String) {
        self.id = keyID
        self.checkValue = checkValue
    }

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static func value(of key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("haven feedback key check".utf8), using: key).prefix(16)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Checks the ring against the database, then records the check values of keys it has not seen.
    static func verify(_ cipher: FeedbackCipher, on db: any Database) async throws {
        let stored = Dictionary(
            try await query(on: db).all().compactMap { row in row.id.map { ($0, row.checkValue) } },
            uniquingKeysWith: { a, _ in a })
        for key in cipher.keys where stored[key.id].map({ $0 != value(of: key.key) }) == true {
            throw Refusal(
                description:
                    "The feedback key with id \(key.id) is not the one this database's sealed feedback was sealed with. "
                    + "Start every instance with the same HAVEN_FEEDBACK_KEYS (or the same feedback.key file).")
        }
        for id in stored.keys where !cipher.keys.contains(where: { $0.id == id }) {
            if try await sealedValues(with: id, on: db) {
                throw Refusal(
                    description: "Sealed feedback needs the key with id \(id), which this instance does not have. "
                        + "Add it to HAVEN_FEEDBACK_KEYS (after the newest), or run `haven feedback rekey` where it is before dropping it."
                )
            }
        }
        for key in cipher.keys where stored[key.id] == nil {
            try await FeedbackKeyCheck(keyID: key.id, checkValue: value(of: key.key)).create(on: db)
        }
    }

    private static func sealedValues(with id: String, on db: any Database) async throws -> Bool {
        let prefix = "v1:\(id):%"
        return try await db.sql.select().column(SQLLiteral.numeric("1")).from(FeedbackItem.schema)
            .where("contact", .like, prefix).orWhere("description", .like, prefix).orWhere("response", .like, prefix)
            .limit(1).first() != nil
    }
}

struct CreateFeedbackKeyChecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackKeyCheck.schema)
            .field("key_id", .string, .identifier(auto: false))
            .field("check_value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackKeyCheck.schema).delete()
    }
}
