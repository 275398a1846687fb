import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// The hostile-file corpus (`Tests/hostile`, written by its `make_corpus.py`) posted to every upload path:
/// each answered with a 4xx that says what is wrong, nothing written, and the server still answering.
@Suite struct HostileFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hostile")

    static func corpus(_ extensions: Set<String>) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// One file as a browser or a partner system uploads it.
    static func multipart(_ data: Data, name: String, field: String = "file", csrf: String?) -> (
        HTTPHeaders, ByteBuffer
    ) {
        let boundary = "haven-hostile-boundary"
        var body = ByteBuffer()
        if let csrf {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        return (["content-type": "multipart/form-data; boundary=\(boundary)"], body)
    }

    /// Rows in every table an upload could write to.
    static func written(_ db: any Database) async throws -> [Int] {
        [
            try await Site.query(on: db).withDeleted().count(), try await AdminArea.query(on: db).count(),
            try await Activity.query(on: db).count(), try await MonitoringRound.query(on: db).count(),
            try await StagedImport.query(on: db).count(), try await AreaBoundary.query(on: db).count(),
        ]
    }

    @Test func everySpreadsheetAndCSVIsRefusedOnEveryImportPathWithNothingWritten() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "administrator@test.haven")
            let before = try await Self.written(app.db)
            let files = try Self.corpus(["xlsx", "csv"])
            #expect(files.count >= 15)
            for file in files {
                let data = try Data(contentsOf: file)
                for path in [Paths.importSites, Paths.importAdminAreas, Paths.importRounds, Paths.importActivities] {
                    var upload = Self.multipart(data, name: file.lastPathComponent, csrf: csrf)
                    upload.0.add(name: "cookie", value: cookie)
                    let page = try await app.testing().sendRequest(
                        .POST, path.link(), headers: upload.0, body: upload.1)
                    #expect(
                        (400..<500).contains(Int(page.status.code)),
                        "\(file.lastPathComponent) on \(path): \(page.status)")
                }
                var api = Self.multipart(data, name: file.lastPathComponent, csrf: nil)
                api.0.bearerAuthorization = BearerAuthorization(token: world.tokens[.partner]!)
                let answer = try await app.testing().sendRequest(
                    .POST, "/api/v1/activities/imports", headers: api.0, body: api.1)
                #expect(
                    (400..<500).contains(Int(answer.status.code)),
                    "\(file.lastPathComponent) on the API: \(answer.status)")
                if answer.status == .badRequest {
                    #expect(
                        try answer.json(ProblemBody.self).detail.count > 20,
                        "\(file.lastPathComponent) names its problem")
                }
            }
            #expect(try await Self.written(app.db) == before)
            let alive = try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.viewer))
            #expect(alive.status == .ok)
        }
    }

    @Test func boundariesAndSubmissionsRefuseTheirHostileFiles() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "administrator@test.haven")
            let before = try await Self.written(app.db)
            for file in try Self.corpus(["geojson", "xlsx"]) {
                var upload = Self.multipart(try Data(contentsOf: file), name: file.lastPathComponent, csrf: csrf)
                upload.0.add(name: "cookie", value: cookie)
                let page = try await app.testing().sendRequest(
                    .POST, Paths.importBoundaries.link(), headers: upload.0, body: upload.1)
                #expect((400..<500).contains(Int(page.status.code)), "\(file.lastPathComponent): \(page.status)")
            }
            for file in try Self.corpus(["xml", "xlsx"]) {
                var upload = Self.multipart(
                    try Data(contentsOf: file), name: "submission.xml", field: "xml_submission_file", csrf: nil)
                upload.0.bearerAuthorization = BearerAuthorization(token: world.tokens[.coordinator]!)
                let sent = try await app.testing().sendRequest(
                    .POST, "/v1/projects/1/submission", headers: upload.0, body: upload.1)
                #expect((400..<500).contains(Int(sent.status.code)), "\(file.lastPathComponent): \(sent.status)")
            }
            #expect(try await Self.written(app.db) == before)
        }
    }

    @Test func aWorkbookThatInflatesPastTheBoundStopsWhileInflating() throws {
        let bomb = try Data(contentsOf: Self.folder.appendingPathComponent("zip-bomb-understated.xlsx"))
        #expect {
            try Workbook.rows(bomb)
        } throws: { error in
            (error as? HavenError)?.detail.contains("unpacks to more than") == true
        }
    }

    @Test(arguments: [
        ("<row r=\"2\"><c r=\"ZZZZZZZZZZZZZZZ2\"><v>1</v></c></row>", "past column XFD"),
        ("<row r=\"-9223372036854775808\"><c r=\"A2\"><v>1</v></c></row>", "row numbers are damaged"),
        ("<row r=\"50000000\"><c r=\"A50000000\"><v>1</v></c></row>", "past the 200,000 rows"),
        ("<row r=\"2\"><c r=\"ZZZZZZ2\"><v>1</v></c></row>", "past column XFD"),
        (
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>\(String(repeating: "x", count: 40_000))</t></is></c></row>",
            "Excel's limit"
        ),
    ])
    func sheetsPastTheBoundsAreRefusedNamingTheBound(sheet: String, why: String) throws {
        #expect {
            try Workbook.rows(try TestWorkbook.make(sheet: sheet))
        } throws: { error in
            (error as? HavenError)?.detail.contains(why) == true
        }
    }

    @Test func aSparseSheetKeepsExcelsRowNumbersWithoutHoldingItsGaps() throws {
        let rows = try Workbook.rows(
            try TestWorkbook.make(
                sheet:
                    "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"150000\"><c r=\"B150000\"><v>2</v></c></row>"))
        #expect(rows.count == 150_000 && rows[149_999] == ["", "2"] && rows[1].isEmpty)
    }
}
