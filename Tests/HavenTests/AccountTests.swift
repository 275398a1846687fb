import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Everyone changes their own password: the current one is required, and the change ends the account's
/// sessions and tokens while the person goes on in a fresh session.
@Suite struct AccountTests {
    static func change(
        _ app: Application, cookie: String, csrf: String, current: String, new: String, again: String? = nil
    ) async throws -> TestingHTTPResponse {
        func form(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
        return try await app.testing().sendRequest(
            .POST, "/account/password",
            headers: ["cookie": cookie, "content-type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(
                string:
                    "currentPassword=\(form(current))&newPassword=\(form(new))&confirmation=\(form(again ?? new))&_csrf=\(csrf)"
            ))
    }

    @Test func aPasswordChangesOnlyWithTheCurrentOneAndEndsTheOldSessions() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "viewer@test.haven")
            let page = try await app.testing().sendRequest(.GET, "/account", headers: ["cookie": cookie])
            #expect(page.status == .ok && page.text.contains("Change your password"))

            let wrong = try await Self.change(
                app, cookie: cookie, csrf: csrf, current: "not it at all", new: "a new long one")
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("is not your current password"))
            let mismatch = try await Self.change(
                app, cookie: cookie, csrf: csrf, current: World.password, new: "a new long one", again: "another one!")
            #expect(
                mismatch.status == .unprocessableEntity && mismatch.text.contains("is not the same as the new password")
            )
            let short = try await Self.change(app, cookie: cookie, csrf: csrf, current: World.password, new: "short")
            #expect(short.status == .unprocessableEntity && short.text.contains("must be 10 to 200 characters"))
            let viewer = try #require(try await User.find(world.users[.viewer]!.id, on: app.db))
            #expect(try Bcrypt.verify(World.password, created: viewer.passwordHash), "nothing changed")

            let changed = try await Self.change(
                app, cookie: cookie, csrf: csrf, current: World.password, new: "a new long one")
            #expect(changed.status == .seeOther)
            #expect(changed.headers.first(name: .location) == "/account?changed=1")
            let fresh = try #require(changed.headers.setCookie?[Login.cookieName]?.string)
            let again = try await app.testing().sendRequest(
                .GET, "/account?changed=1", headers: ["cookie": "\(Login.cookieName)=\(fresh)"])
            #expect(again.status == .ok && again.text.contains("Your password is changed"))
            let old = try await app.testing().sendRequest(.GET, "/account", headers: ["cookie": cookie])
            #expect(old.status == .seeOther, "the old session ended")
            let token = try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.viewer))
            #expect(token.status == .unauthorized, "so did the API token")
            let events = try await AuditEvent.query(on: app.db).filter(\.$entityID == world.users[.viewer]!.id!).all()
            #expect(events.contains { $0.changes.contains { $0.field == "password" && $0.after == "changed" } })
            #expect(!events.contains { $0.changesJSON.contains("a new long one") })
        }
    }

    @Test func theAPIChangesThePasswordOfWhoeverCallsIt() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            func change(_ current: String, _ new: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .PUT, "/api/v1/account/password", headers: world.headers(.partner),
                    body: try jsonBody(["currentPassword": current, "newPassword": new, "confirmation": new]))
            }
            #expect(try await change("wrong password", "a new long one").status == .unprocessableEntity)
            #expect(try await change(World.password, "a new long one").status == .noContent)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.partner))
            #expect(after.status == .unauthorized, "the token used ended with the old password")
            let login = try await app.testing().sendRequest(
                .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                body: try jsonBody(["email": "partner@test.haven", "password": "a new long one"]))
            #expect(login.status == .created)
        }
    }
}
