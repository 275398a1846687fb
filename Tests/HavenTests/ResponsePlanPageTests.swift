import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// The 5W pages beyond the table: progress, presence, an organisation's reporting and the catalogue.
@Suite struct ResponsePlanPageTests {
    func form(_ app: Application, _ path: String, _ fields: [String: String], cookie: String, csrf: String) async throws
        -> TestingHTTPResponse
    {
        let body = (fields.merging(["_csrf": csrf]) { a, _ in a })
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
                separator: "&")
        return try await app.testing().sendRequest(
            .POST, path, headers: ["cookie": cookie, "content-type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    @Test func coordinatorsSetATargetOnTheProgressPageAndSeeItFill() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await ResponsePlanAPITests.report(app, world)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let month = ResponsePlanAPITests.month
            let bad = try await form(
                app, Paths.targets.link(), ["sector": "WASH", "fromMonth": month, "toMonth": month, "people": "many"],
                cookie: cookie, csrf: csrf)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("is not a whole number"))
            let good = try await form(
                app, Paths.targets.link(),
                [
                    "sector": "WASH", "fromMonth": month, "toMonth": month, "people": "1,000",
                    "indicator": "People with safe water",
                ], cookie: cookie, csrf: csrf)
            #expect(good.status == .seeOther)
            let page = try await app.testing().sendRequest(
                .GET, Paths.progress.link() + "?by=area", headers: ["cookie": cookie])
            #expect(
                page.status == .ok && page.text.contains("People with safe water")
                    && page.text.contains("10% of the target reached"))
            #expect(page.text.contains("North (BO01)"), "divided by the areas one level down")
            let (viewerCookie, _) = try await WebPageTests().login(app, as: "viewer@test.haven")
            let viewer = try await app.testing().sendRequest(
                .GET, Paths.progress.link(), headers: ["cookie": viewerCookie])
            #expect(
                viewer.text.contains("People with safe water") && !viewer.text.contains("Set the target"),
                "viewers are not offered what they may not do")
        }
    }

    @Test func presenceReportingAndCataloguePagesShowTheirFigures() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await ResponsePlanAPITests.report(app, world)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "partner@test.haven")
            let presence = try await app.testing().sendRequest(
                .GET, Paths.presence.link() + "?level=2", headers: ["cookie": cookie])
            #expect(
                presence.status == .ok && presence.text.contains("2 sites with work")
                    && presence.text.contains("IOM, NRC"))
            let mine = try await app.testing().sendRequest(.GET, Paths.ownReporting.link(), headers: ["cookie": cookie])
            #expect(
                mine.status == .seeOther && mine.headers.first(name: .location) == Paths.reporting.link(world.nrc.id!))
            let reporting = try await app.testing().sendRequest(
                .GET, Paths.reporting.link(world.nrc.id!), headers: ["cookie": cookie])
            #expect(
                reporting.status == .ok && reporting.text.contains("Norwegian Refugee Council")
                    && reporting.text.contains(ResponsePlanAPITests.month))
            let catalogue = try await app.testing().sendRequest(
                .GET, Paths.activityCatalogue.link(), headers: ["cookie": cookie])
            #expect(catalogue.text.contains("Water trucking") && !catalogue.text.contains("Add an activity"))
            let refused = try await form(
                app, Paths.activityCatalogue.link(), ["code": "X-1", "sector": "WASH", "name": "x"], cookie: cookie,
                csrf: csrf
            )
            #expect(refused.status == .forbidden)
            let (coordinator, coordinatorCSRF) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let added = try await form(
                app, Paths.activityCatalogue.link(),
                ["code": "SHL-09", "sector": "Shelter", "name": "Winterisation kits"],
                cookie: coordinator, csrf: coordinatorCSRF)
            #expect(added.status == .seeOther)
            let duplicate = try await form(
                app, Paths.activityCatalogue.link(), ["code": "SHL-09", "sector": "Shelter", "name": "Again"],
                cookie: coordinator, csrf: coordinatorCSRF)
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("already in the catalogue"))
        }
    }
}
