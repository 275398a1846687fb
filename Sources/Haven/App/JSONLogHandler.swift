import Foundation
import Logging

/// Log lines as JSON objects, one a line, on standard error (`HAVEN_LOG_FORMAT=json`), for log collectors
/// that read fields rather than text: `time`, `level`, `label`, `message`, then the metadata.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    let label: String

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(
            Data(
                (Self.line(
                    time: Date(), level: event.level, label: label, message: "\(event.message)",
                    metadata: metadata.merging(event.metadata ?? [:]) { _, new in new }) + "\n").utf8))
    }

    /// One log line; metadata never overwrites the four fields every line has.
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata)
        -> String
    {
        var object: [String: Any] = metadata.mapValues { "\($0)" }
        object["time"] = ISO8601DateFormatter().string(from: time)
        object["level"] = level.rawValue
        object["label"] = label
        object["message"] = message
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
