import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Administrators keep accounts and organisations in the browser; a one-time link lets someone choose their
/// password, once, and ends every session of the account.
@Suite struct AccountAdminTests {
    static func post(_ app: Application, _ path: String, cookie: String, _ fields: [String: String]) async throws
        -> TestingHTTPResponse
    {
        let body = fields.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        .joined(separator: "&")
        return try await app.testing().sendRequest(
            .POST, path, headers: ["cookie": cookie, "content-type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    /// The link shown on the page an administrator gets, as the path it opens.
    static func resetPath(in page: String) throws -> String {
        let start = try #require(page.range(of: "/reset/"))
        let token = page[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "/reset/" + token
    }

    /// Opens the link's page (which hands out the form's token) and chooses a password there.
    static func choose(_ app: Application, _ path: String, _ password: String, again: String? = nil) async throws
        -> TestingHTTPResponse
    {
        let page = try await app.testing().sendRequest(.GET, path)
        let csrf = page.headers.setCookie?[CSRFMiddleware.cookieName]?.string ?? "none"
        return try await post(
            app, path, cookie: "\(CSRFMiddleware.cookieName)=\(csrf)",
            ["newPassword": password, "confirmation": again ?? password, "_csrf": csrf])
    }

    @Test func aNewAccountGetsALinkToChooseItsPasswordThatWorksOnce() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "administrator@test.haven")
            let added = try await Self.post(
                app, "/users", cookie: cookie,
                [
                    "_csrf": csrf, "email": "amina@partner.example", "name": "Amina", "role": "site_manager",
                    "organisationId": "", "sites": "bo0101_0001, BO0101_0002", "mail": "on",
                ])
            #expect(added.status == .ok && added.text.contains("Password link for amina@partner.example"))
            let account = try #require(
                try await User.query(on: app.db).filter(\.$email == "amina@partner.example").first())
            #expect(try await UserSite.query(on: app.db).filter(\.$user.$id == account.id!).count() == 2)
            let path = try Self.resetPath(in: added.text)
            let outbox = URL(fileURLWithPath: app.havenSettings.dataDirectory).appendingPathComponent("outbox")
            let mails = try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil)
            #expect(try mails.contains { try String(contentsOf: $0, encoding: .utf8).contains(path) }, "sent as well")

            let short = try await Self.choose(app, path, "short")
            #expect(short.status == .unprocessableEntity && short.text.contains("must be 10 to 200 characters"))
            let chosen = try await Self.choose(app, path, "my own long password")
            #expect(chosen.status == .ok && chosen.text.contains("Your password is set"))
            let login = try await app.testing().sendRequest(
                .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                body: try jsonBody(["email": "amina@partner.example", "password": "my own long password"]))
            #expect(login.status == .ok || login.status == .created)
            #expect(try await Self.choose(app, path, "a second new password").status == .gone, "it works once")
            let again = try await app.testing().sendRequest(.GET, path)
            #expect(again.status == .gone && again.text.contains("no longer works"))
            _ = world
        }
    }

    @Test func aResetLinkEndsTheAccountsSessionsAndEarlierLinks() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "administrator@test.haven")
            let viewer = world.users[.viewer]!.id!
            let first = try Self.resetPath(
                in: try await Self.post(app, "/users/\(viewer)/reset", cookie: cookie, ["_csrf": csrf]).text)
            let second = try Self.resetPath(
                in: try await Self.post(app, "/users/\(viewer)/reset", cookie: cookie, ["_csrf": csrf]).text)
            #expect(first != second)
            #expect(try await app.testing().sendRequest(.GET, first).status == .gone, "a newer link ends the older")
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.viewer)).status
                    == .ok, "issuing a link changes nothing yet")
            #expect(try await Self.choose(app, second, "the viewer's new one").status == .ok)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.viewer)).status
                    == .unauthorized, "every session and token of the account ended")
            let events = try await AuditEvent.query(on: app.db).filter(\.$entityID == viewer).all()
            #expect(events.filter { $0.changes.contains { $0.field == "password" } }.count == 3)
        }
    }

    @Test func onlyAdministratorsKeepAccountsAndBadFieldsAreNamed() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (coordinator, _) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            #expect(
                try await app.testing().sendRequest(.GET, "/users", headers: ["cookie": coordinator]).status
                    == .forbidden)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "administrator@test.haven")
            let list = try await app.testing().sendRequest(.GET, "/users?role=partner", headers: ["cookie": cookie])
            #expect(
                list.status == .ok && list.text.contains("partner@test.haven")
                    && !list.text.contains("viewer@test.haven"))
            let bad = try await Self.post(
                app, "/users/\(world.users[.siteManager]!.id!)", cookie: cookie,
                [
                    "_csrf": csrf, "email": "site_manager@test.haven", "role": "site_manager",
                    "sites": "BO0101_0001 NOPE",
                ])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("'NOPE' is not a known site code or id"))
            let partner = try await Self.post(
                app, "/users/\(world.users[.viewer]!.id!)", cookie: cookie,
                ["_csrf": csrf, "email": "viewer@test.haven", "role": "partner"])
            #expect(partner.status == .unprocessableEntity && partner.text.contains("is required for a partner"))
            let saved = try await Self.post(
                app, "/users/\(world.users[.viewer]!.id!)", cookie: cookie,
                [
                    "_csrf": csrf, "email": "viewer@test.haven", "role": "partner",
                    "organisationId": world.iom.id!.uuidString, "feedbackFocalPoint": "on",
                ])
            #expect(saved.status == .seeOther)
            let changed = try #require(try await User.find(world.users[.viewer]!.id, on: app.db))
            #expect(changed.role == .partner && changed.$organisation.id == world.iom.id && changed.feedbackFocalPoint)
            let own = try await Self.post(
                app, "/users/\(world.users[.administrator]!.id!)/archive", cookie: cookie, ["_csrf": csrf])
            #expect(own.status == .conflict)
        }
    }

    @Test func organisationsAreAddedEditedAndArchivedInTheBrowser() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let added = try await Self.post(
                app, "/organisations", cookie: cookie,
                ["_csrf": csrf, "name": "Bora Women's Union", "acronym": "BWU", "type": "nngo"])
            #expect(added.status == .seeOther)
            let list = try await app.testing().sendRequest(.GET, "/organisations", headers: ["cookie": cookie])
            #expect(
                list.status == .ok && list.text.contains("Bora Women&#39;s Union")
                    || list.text.contains("Bora Women's Union"))
            let twice = try await Self.post(
                app, "/organisations", cookie: cookie, ["_csrf": csrf, "name": "Bora Women's Union", "type": "nngo"])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("already exists"))
            let archived = try await Self.post(
                app, "/organisations/\(world.iom.id!)/archive", cookie: cookie, ["_csrf": csrf])
            #expect(archived.status == .seeOther)
            #expect(try await Organisation.find(world.iom.id, on: app.db)?.archivedAt != nil)
            let (partner, partnerCSRF) = try await WebPageTests().login(app, as: "partner@test.haven")
            let other = try await Self.post(
                app, "/organisations/\(world.iom.id!)", cookie: partner,
                ["_csrf": partnerCSRF, "name": "Renamed", "type": "un"])
            #expect(other.status == .forbidden, "a partner edits its own organisation only")
        }
    }
}
