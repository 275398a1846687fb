import Fluent
import Foundation
import Testing
import Vapor

@testable import Haven

@Suite struct ActivityImportTests {
    static let month = ReportingMonth(CalendarDay.today()).description
    static let start = CalendarDay.today().adding(months: -1).description

    static func csv(_ rows: [String]) -> String {
        ([
            "Organisation,Implementing partner,Activity code,Site code,Admin area,Status,Start date,Reporting month,Targeted,Reached,"
                + "reached_female_0_4,reached_female_5_11,reached_female_12_17,reached_female_18_59,reached_female_60_plus,"
                + "reached_male_0_4,reached_male_5_11,reached_male_12_17,reached_male_18_59,reached_male_60_plus,End date",
            "#org+name,#org+impl,#activity+code,#loc+code,#adm+code,#status,#date+start,#date+reported,#targeted+ind,#reached+ind,,,,,,,,,,,#date+end",
        ]
            + rows.map { $0.filter { $0 == "," }.count == 19 ? $0 + "," : $0 }).joined(separator: "\n")
    }

    static let good = [
        "NRC,,WASH-01,BO0101_0001,,active,\(start),\(month),500,300,,,,,,,,,,",
        "nrc,IOM,HLT-02,,BO02,planned,\(start),\(month),200,,,,,,,,,,,",
        "Norwegian Refugee Council,,SHL-01,BO0101_0002,,completed,\(start),\(month),100,120,10,10,10,30,0,10,10,10,30,0,\(CalendarDay.today())",
    ]

    @Test func aPartnerSpreadsheetIsPreviewedImportedAndReimportedWithoutChange() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let partner = try #require(try await CurrentUserMiddleware.user(id: world.users[.partner]!.id!, on: app.db))
            let preview = try await Imports.preview(.activities, text: Self.csv(Self.good), user: partner, on: app.db)
            #expect(
                preview.errors.isEmpty && preview.creates == 3 && preview.rows == 3,
                "\(preview.errors) \(preview.missingColumns)")
            #expect(
                preview.warnings.map(\.line) == [5] && preview.warnings.first?.column == "Reached",
                "120 reached of 100 targeted")
            #expect(try await Activity.query(on: app.db).count() == 0, "nothing before confirmation")
            _ = try await Imports.commit(
                .activities, text: Self.csv(Self.good), user: partner, by: partner.actor, on: app.db)
            let lines = try await Activity.query(on: app.db).sort(\.$activityCode).all()
            #expect(lines.map(\.activityCode) == ["HLT-02", "SHL-01", "WASH-01"])
            #expect(
                lines.map(\.status) == [.planned, .completed, .ongoing]
                    && lines[0].$implementingOrganisation.id == world.iom.id)
            #expect(lines[1].reachedCells == "10,10,10,30,0,10,10,10,30,0" && lines[0].$adminArea.id == world.south.id)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == Activity.auditEntity).count() == 3)

            let again = try await Imports.preview(.activities, text: Self.csv(Self.good), user: partner, on: app.db)
            #expect(again.creates == 0 && again.updates == 0 && again.unchanged == 3, "the same file changes nothing")
            var changed = Self.good
            changed[0] = changed[0].replacingOccurrences(of: ",500,300,", with: ",500,350,")
            let update = try await Imports.commit(
                .activities, text: Self.csv(changed), user: partner, by: partner.actor, on: app.db)
            #expect(update.updates == 1 && update.unchanged == 2)
            #expect(try await Activity.query(on: app.db).count() == 3)
        }
    }

    @Test func everyBadRowIsNamedWithItsColumnAndNothingIsWritten() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let partner = try #require(try await CurrentUserMiddleware.user(id: world.users[.partner]!.id!, on: app.db))
            let rows = [
                "NRC,,WASH-01,BO0101_0001,,active,\(Self.start),\(Self.month),500,300,,,,,,,,,,",
                "NRC,,WASH-99,BO0101_0001,,active,\(Self.start),\(Self.month),500,300,,,,,,,,,,",
                "NRC,,WASH-02,NOPE_01,,active,\(Self.start),\(Self.month),500,300,,,,,,,,,,",
                "NRC,,WASH-02,,XX99,active,\(Self.start),\(Self.month),500,300,,,,,,,,,,",
                "NRC,,WASH-03,BO0101_0001,,active,\(Self.start),\(Self.month),500,100,10,10,10,10,10,10,10,10,10,11",
                "NRC,,WASH-04,BO0101_0001,,finished,\(Self.start),March,500,300,,,,,,,,,,",
                "IOM,,WASH-05,BO0101_0001,,active,\(Self.start),\(Self.month),500,300,,,,,,,,,,",
                "NRC,,WASH-01,BO0101_0001,,active,\(Self.start),\(Self.month),500,300,,,,,,,,,,",
                "Save the Goats,,WASH-06,BO0101_0001,,active,\(Self.start),\(Self.month),500,many,,,,,,,,,,",
            ]
            let preview = try await Imports.preview(.activities, text: Self.csv(rows), user: partner, on: app.db)
            let found = preview.errors.map { "\($0.line) \($0.column)" }
            #expect(
                found == [
                    "4 Activity code", "5 Site code", "6 Admin area", "7 Reached", "8 Status", "8 Reporting month",
                    "9 Organisation", "10 Activity code", "11 Organisation", "11 Reached",
                ], "\(preview.errors)")
            #expect(
                preview.errors.first { $0.line == 9 }?.message == "you may import your own organisation's lines only")
            #expect(!preview.canCommit)
            await #expect(throws: HavenError.self) {
                _ = try await Imports.commit(
                    .activities, text: Self.csv(rows), user: partner, by: partner.actor, on: app.db)
            }
            #expect(try await Activity.query(on: app.db).count() == 0)
        }
    }
}

@Suite struct ActivityImportAPITests {
    struct Preview: Decodable {
        var id: UUID?
        var creates: Int
        var errors: [ActivityImportAPI.RowBody]
        var committed: Bool
    }

    /// A file upload as a browser or a partner system sends it; pages also need the CSRF token.
    static func multipart(_ csv: String, csrf: String? = nil) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "haven-boundary"
        let token =
            csrf.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\($0)\r\n" } ?? ""
        let body =
            token
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"5w.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return (["content-type": "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
    }

    @Test func aPartnerSystemPreviewsThenCommitsOnASecondCall() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var bad = Self.multipart(
                ActivityImportTests.csv([
                    "NRC,,WASH-99,BO0101_0001,,active,\(ActivityImportTests.start),\(ActivityImportTests.month),5,1"
                ]))
            bad.0.add(contentsOf: world.headers(.partner))
            let refused = try await app.testing().sendRequest(
                .POST, "/api/v1/activities/imports", headers: bad.0, body: bad.1)
            let refusedPreview = try refused.json(Preview.self)
            #expect(
                refused.status == .unprocessableEntity && refusedPreview.id == nil
                    && refusedPreview.errors.map(\.row) == [3])

            var good = Self.multipart(ActivityImportTests.csv(ActivityImportTests.good))
            good.0.add(contentsOf: world.headers(.partner))
            let checked = try await app.testing().sendRequest(
                .POST, "/api/v1/activities/imports", headers: good.0, body: good.1
            ).json(Preview.self)
            let id = try #require(checked.id)
            let before = try await Activity.query(on: app.db).count()
            #expect(checked.creates == 3 && !checked.committed && before == 0)
            let viewer = try await app.testing().sendRequest(
                .POST, "/api/v1/activities/imports/\(id)/commit", headers: world.headers(.viewer))
            #expect(viewer.status == .forbidden)
            let done = try await app.testing().sendRequest(
                .POST, "/api/v1/activities/imports/\(id)/commit", headers: world.headers(.partner))
            let after = try await Activity.query(on: app.db).count()
            #expect(try done.json(Preview.self).committed && after == 3)
            let twice = try await app.testing().sendRequest(
                .POST, "/api/v1/activities/imports/\(id)/commit", headers: world.headers(.partner))
            #expect(twice.status == .conflict)
        }
    }
}
