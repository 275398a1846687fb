import Foundation

/// Sends e-mail through the mail system of the server (`HAVEN_MAIL_COMMAND`, for example `/usr/sbin/sendmail -t`
/// or `msmtp -t`), or, where there is none (a field laptop), leaves each message as an `.eml` file in the
/// outbox folder, for someone to open and forward.
struct Outbox: Sendable {
    enum Delivery: Equatable, Sendable {
        case sent
        case saved(path: String)
    }

    var command: String?
    var folder: URL
    var from: String

    init(command: String?, folder: URL, from: String) {
        (self.command, self.folder, self.from) = (command, folder, from)
    }

    /// The operation's outbox: its mail command, else the `outbox` folder beside the database.
    init(_ settings: Settings) {
        self.init(
            command: settings.mailCommand,
            folder: URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("outbox"),
            from: settings.mailFrom)
    }

    func send(to address: String, subject: String, body: String, now: Date = Date()) throws -> Delivery {
        let message = Self.message(from: from, to: address, subject: subject, body: body, date: now)
        guard let command else {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let stamp = Int(now.timeIntervalSince1970 * 1000)
            let file = folder.appendingPathComponent("\(stamp)-\(UUID().uuidString.prefix(8)).eml")
            try Data(message.utf8).write(to: file)
            return .saved(path: file.path)
        }
        // The command reads the message from a file rather than a pipe: a command that stops reading early
        // would otherwise end Haven with SIGPIPE.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-mail-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = try FileHandle(forReadingFrom: file)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HavenError.badRequest(
                "HAVEN_MAIL_COMMAND ended with status \(process.terminationStatus); the message was not sent.")
        }
        return .sent
    }

    /// A plain-text message as mail systems take it: UTF-8, the subject encoded when it is not ASCII.
    static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedSubject =
            subject.allSatisfy(\.isASCII) ? subject : "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        return (headers + [""] + body.components(separatedBy: "\n")).joined(separator: "\r\n") + "\r\n"
    }
}
