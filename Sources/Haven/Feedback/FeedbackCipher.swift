import Crypto
import Foundation

/// Encrypts what people confide (descriptions of sensitive cases, contacts) with AES-GCM before it reaches
/// the database. Each value is sealed to its record, so a value copied to another row does not open.
///
/// Keys form a ring: the first seals new values, all of them open old ones, so a key is rotated by putting
/// the new one first, running `haven feedback rekey`, then dropping the old one.
struct FeedbackCipher: Sendable {
    struct Key: Sendable {
        var id: String
        var key: SymmetricKey
    }

    let keys: [Key]

    enum Failure: Error, Equatable {
        case noKey
        case badKeyring(String)
        case unknownKey(String)
        case unreadable
    }

    init(keys: [Key]) throws {
        guard !keys.isEmpty else { throw Failure.noKey }
        self.keys = keys
    }

    /// `id:base64,id:base64`, newest first; each key 32 bytes.
    init(keyring text: String) throws {
        let keys = try text.split(separator: ",").map { entry -> Key in
            let parts = entry.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let data = Data(base64Encoded: parts[1]), data.count == 32 else {
                throw Failure.badKeyring(
                    "each key is written id:base64 of 32 random bytes, e.g. 2:\(Self.newKeyText())")
            }
            return Key(id: parts[0], key: SymmetricKey(data: data))
        }
        try self.init(keys: keys)
    }

    static func newKeyText() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    func seal(_ plain: String, for record: UUID) throws -> String {
        let current = keys[0]
        let box = try AES.GCM.seal(Data(plain.utf8), using: current.key, authenticating: Self.context(record))
        // The default 12-byte nonce always gives a combined form; anything else is refused, not stored half-sealed.
        guard let combined = box.combined else { throw Failure.unreadable }
        return "v1:\(current.id):" + combined.base64EncodedString()
    }

    func open(_ sealed: String, for record: UUID) throws -> String {
        let parts = sealed.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "v1", let data = Data(base64Encoded: parts[2]) else {
            throw Failure.unreadable
        }
        guard let key = keys.first(where: { $0.id == parts[1] }) else { throw Failure.unknownKey(parts[1]) }
        let plain = try AES.GCM.open(
            AES.GCM.SealedBox(combined: data), using: key.key, authenticating: Self.context(record))
        return String(decoding: plain, as: UTF8.self)
    }

    /// Whether a sealed value was sealed with an older key than the current one.
    func isStale(_ sealed: String) -> Bool { !sealed.hasPrefix("v1:\(keys[0].id):") }

    private static func context(_ record: UUID) -> Data { Data(record.uuidString.utf8) }
}
