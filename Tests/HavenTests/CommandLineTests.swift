import Fluent
import Foundation
import Testing

@testable import Haven

/// The operations behind `haven user add`, `haven import` and `haven backup`, on a real database.
@Suite struct CommandLineTests {
    func settings() -> Settings {
        let directory = NSTemporaryDirectory() + "haven-cli-" + UUID().uuidString
        return Settings(storage: .sqlite(path: directory + "/haven.sqlite"), dataDirectory: directory)
    }

    @Test func usersAreAddedWithAGeneratedPasswordAndRefusedWithReasons() async throws {
        let s = settings()
        try await HavenApp.demo(s, sites: 8, months: 2, seed: 2)
        let generated = try await HavenApp.addUser(
            s, email: "im.officer@cluster.org", role: "coordinator", organisation: "IOM",
            siteCodes: [], password: nil)
        #expect((generated ?? "").count >= 12)
        await #expect(throws: HavenError.self) {
            _ = try await HavenApp.addUser(
                s, email: "x@y.org", role: "king", organisation: nil, siteCodes: [], password: "a long passphrase")
        }
        do {
            _ = try await HavenApp.addUser(
                s, email: "sm@y.org", role: "site_manager", organisation: nil, siteCodes: ["NOPE_1"],
                password: "a long passphrase")
            Issue.record("an unknown site code was accepted")
        } catch {
            #expect(HavenApp.describe(error) == "site: unknown site code(s): NOPE_1")
        }
    }

    @Test func aBackupIsAConsistentCopyThatIsNeverOverwritten() async throws {
        let s = settings()
        try await HavenApp.demo(s, sites: 12, months: 3, seed: 4)
        let file = s.dataDirectory + "/backup.sqlite"
        try await HavenApp.backup(s, to: file)
        let copy = Settings(storage: .sqlite(path: file), dataDirectory: s.dataDirectory)
        let app = try await HavenApp.make(copy)
        let sites = try await Site.query(on: app.db).count()
        try await app.asyncShutdown()
        #expect(sites == 12)
        await #expect(throws: HavenError.self) { try await HavenApp.backup(s, to: file) }
    }

    @Test func aFileWithErrorsImportsNothing() async throws {
        let s = settings()
        try FileManager.default.createDirectory(atPath: s.dataDirectory, withIntermediateDirectories: true)
        let file = s.dataDirectory + "/areas.csv"
        try "adm1_pcode,adm1_name,adm2_pcode,adm2_name\nBO01,North,XX0101,Bad\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        #expect(try await HavenApp.importFile(s, kind: .adminAreas, path: file) == false)
        try "adm1_pcode,adm1_name,adm2_pcode,adm2_name\nBO01,North,BO0101,Good\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        #expect(try await HavenApp.importFile(s, kind: .adminAreas, path: file) == true)
    }

    @Test func theDemoFocalPointFindsItsDigestInTheOutboxOfAFieldLaptop() async throws {
        var s = settings()
        s.publicURL = "http://10.0.0.5:8080"
        try await HavenApp.demo(s, sites: 30, months: 2, seed: 5)
        let mailing = try await HavenApp.mailFeedbackDigests(s)
        #expect(
            mailing.sent == 0 && mailing.saved.count == 1, "one focal point in the demo, no mail command on a laptop")
        #expect(mailing.saved[0].hasPrefix(s.dataDirectory + "/outbox/"))
        #expect(
            try String(contentsOfFile: mailing.saved[0], encoding: .utf8).contains(
                "http://10.0.0.5:8080/complaints?overdue=true"))
    }
}

@Suite struct JSONLogTests {
    @Test func aLogLineIsOneJSONObjectWhoseFieldsMetadataCannotOverwrite() throws {
        let line = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 0), level: .notice, label: "haven", message: "Failed login \"x\"\nnext",
            metadata: ["address": "10.0.0.1", "message": "forged"])
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(
            object == [
                "time": "1970-01-01T00:00:00Z", "level": "notice", "label": "haven",
                "message": "Failed login \"x\"\nnext",
                "address": "10.0.0.1",
            ])
    }
}
