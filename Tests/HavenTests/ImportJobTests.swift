import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Large files are checked and imported in the background while the page shows how far it has got.
@Suite struct ImportJobTests {
    /// Reloads the page that follows a job, as the browser does, until it stops asking to be reloaded.
    func follow(_ app: Application, _ path: String, cookie: String) async throws -> TestingHTTPResponse {
        for _ in 0..<200 {
            let page = try await app.testing().sendRequest(.GET, path, headers: ["cookie": cookie])
            if !page.text.contains("http-equiv=\"refresh\"") { return page }
            #expect(page.text.contains("<progress"))
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the job never finished")
        return try await app.testing().sendRequest(.GET, path, headers: ["cookie": cookie])
    }

    @Test func aLargeFileIsCheckedAndImportedInTheBackgroundWithProgress() async throws {
        try await withHaven(adjust: { $0.backgroundImportRows = 2 }) { app in
            _ = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "partner@test.haven")
            var upload = ActivityImportAPITests.multipart(ActivityImportTests.csv(ActivityImportTests.good), csrf: csrf)
            upload.0.add(name: "cookie", value: cookie)
            let sent = try await app.testing().sendRequest(
                .POST, Paths.importActivities.link(), headers: upload.0, body: upload.1)
            #expect(sent.status == .seeOther)
            let job = try #require(sent.headers.first(name: .location))
            #expect(job.hasPrefix(Paths.importActivities.link() + "/jobs/"))
            let checked = try await follow(app, job, cookie: cookie)
            #expect(checked.text.contains("Import 3 new and 0 changed") && checked.text.contains("name=\"job\""))
            #expect(try await Activity.query(on: app.db).count() == 0, "nothing before confirmation")
            let action = try #require(checked.text.firstMatch(of: /action="([^"]+\/commit)"/)?.1)
            let jobID = String(job.split(separator: "/").last!)
            let confirm = try await app.testing().sendRequest(
                .POST, String(action),
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "_csrf=\(csrf)&job=\(jobID)"))
            #expect(confirm.status == .seeOther && confirm.headers.first(name: .location) == job)
            let done = try await follow(app, job, cookie: cookie)
            #expect(done.text.contains("Imported 5w.csv: 3 added"))
            #expect(try await Activity.query(on: app.db).count() == 3)

            let (other, _) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let foreign = try await app.testing().sendRequest(.GET, job, headers: ["cookie": other])
            #expect(foreign.status == .notFound, "a job is followed by the person who started it")
        }
    }

    @Test func aBadLargeFileShowsItsRowErrorsAndWritesNothing() async throws {
        try await withHaven(adjust: { $0.backgroundImportRows = 1 }) { app in
            _ = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "partner@test.haven")
            let rows =
                ActivityImportTests.good + [
                    "NRC,,WASH-99,BO0101_0001,,active,\(ActivityImportTests.start),\(ActivityImportTests.month),5,1"
                ]
            var upload = ActivityImportAPITests.multipart(ActivityImportTests.csv(rows), csrf: csrf)
            upload.0.add(name: "cookie", value: cookie)
            let sent = try await app.testing().sendRequest(
                .POST, Paths.importActivities.link(), headers: upload.0, body: upload.1)
            let page = try await follow(app, try #require(sent.headers.first(name: .location)), cookie: cookie)
            #expect(
                page.text.contains("WASH-99") && page.text.contains("Nothing has been written")
                    && !page.text.contains("/commit"))
        }
    }

    @Test func aCheckedFileOvertakenByAChangeIsCheckedAgainWhenConfirmed() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let partner = try #require(try await CurrentUserMiddleware.user(id: world.users[.partner]!.id!, on: app.db))
            let plans = app.importPlans
            let text = ActivityImportTests.csv(ActivityImportTests.good)
            let (_, first) = try await Imports.stage(
                .activities, fileName: "a.csv", text: text, user: partner, on: app.db, plans: plans)
            let (_, second) = try await Imports.stage(
                .activities, fileName: "b.csv", text: text, user: partner, on: app.db, plans: plans)
            try await MonthLocks.set(
                true, ReportingMonth(ActivityImportTests.month)!, by: .commandLine("test"), on: app.db)
            await #expect(throws: HavenError.self, "the month was locked after the check: checked again, refused") {
                _ = try await Imports.commitStaged(
                    .activities, first!.id!.uuidString, user: partner, on: app.db, plans: plans)
            }
            #expect(try await Activity.query(on: app.db).count() == 0)
            try await MonthLocks.set(
                false, ReportingMonth(ActivityImportTests.month)!, by: .commandLine("test"), on: app.db)
            let (_, preview) = try await Imports.commitStaged(
                .activities, second!.id!.uuidString, user: partner, on: app.db, plans: plans)
            let written = try await Activity.query(on: app.db).count()
            #expect(preview.creates == 3 && written == 3)
        }
    }

    @Test func aJobIsFollowedAndConfirmedOnAnotherInstanceAndAStoppedOneIsSaidSo() async throws {
        try await withHaven(adjust: { $0.backgroundImportRows = 2 }) { app in
            _ = try await World.make(on: app)
            let other = try await HavenApp.make(app.havenSettings, environment: .testing)
            do {
                let (cookie, csrf) = try await WebPageTests().login(app, as: "partner@test.haven")
                var upload = ActivityImportAPITests.multipart(
                    ActivityImportTests.csv(ActivityImportTests.good), csrf: csrf)
                upload.0.add(name: "cookie", value: cookie)
                let sent = try await app.testing().sendRequest(
                    .POST, Paths.importActivities.link(), headers: upload.0, body: upload.1)
                let job = try #require(sent.headers.first(name: .location))
                let checked = try await follow(other, job, cookie: cookie)
                #expect(
                    checked.text.contains("Import 3 new and 0 changed"), "the second instance shows the first's job")
                let action = try #require(checked.text.firstMatch(of: /action="([^"]+\/commit)"/)?.1)
                let jobID = String(job.split(separator: "/").last ?? "")
                let confirm = try await other.testing().sendRequest(
                    .POST, String(action),
                    headers: [
                        "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                    ], body: ByteBuffer(string: "_csrf=\(csrf)&job=\(jobID)"))
                #expect(confirm.status == .seeOther)
                let done = try await follow(app, job, cookie: cookie)
                let written = try await Activity.query(on: app.db).count()
                #expect(done.text.contains("3 added") && written == 3)

                let stopped = ImportJob(
                    id: UUID(), kind: .activities,
                    userID: try #require(
                        try await User.query(on: app.db)
                            .filter(\.$email == "partner@test.haven").first()?.id), fileName: "big.csv",
                    now: Date().addingTimeInterval(-600))
                try await stopped.create(on: app.db)
                let page = try await other.testing().sendRequest(
                    .GET, ActivityImport.page.job.link(stopped.id!), headers: ["cookie": cookie])
                #expect(
                    page.text.contains("stopped before it finished") && !page.text.contains("http-equiv=\"refresh\""))
            } catch {
                try await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
        }
    }
}
