import Foundation
import Vapor

/// Where the keys that seal feedback come from: `HAVEN_FEEDBACK_KEYS`, or else a key file made once in the data
/// folder (readable by Haven's user only), so that a field laptop works from the first start.
enum FeedbackKeys {
    static let fileName = "feedback.key"

    static func cipher(_ settings: Settings) throws -> FeedbackCipher {
        if let ring = settings.feedbackKeyring { return try FeedbackCipher(keyring: ring) }
        let path = settings.dataDirectory + "/" + fileName
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            try files.createDirectory(
                atPath: settings.dataDirectory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            guard
                files.createFile(
                    atPath: path, contents: Data("1:\(FeedbackCipher.newKeyText())\n".utf8),
                    attributes: [.posixPermissions: 0o600])
            else {
                throw HavenError.badRequest("Could not write the feedback key file \(path).")
            }
        }
        return try FeedbackCipher(
            keyring: String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

struct FeedbackCipherKey: StorageKey {
    typealias Value = FeedbackCipher
}

extension Application {
    var feedbackCipher: FeedbackCipher { storage[FeedbackCipherKey.self]! }
}

extension Request {
    var feedbackCipher: FeedbackCipher { application.feedbackCipher }
}
