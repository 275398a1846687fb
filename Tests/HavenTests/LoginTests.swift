import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

@Suite struct LoginTests {
    @Test func aSessionTokenOpensTheAPI() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let opened = try await app.testing().sendRequest(
                .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                body: jsonBody(["email": "Viewer@Test.Haven", "password": World.password]))
            #expect(opened.status == .created)
            let token =
                try #require(try JSONSerialization.jsonObject(with: Data(buffer: opened.body)) as? [String: Any])[
                    "token"] as? String
            let response = try await app.testing().sendRequest(
                .GET, "/api/v1/sites", headers: ["authorization": "Bearer \(token!)"])
            #expect(response.status == .ok)
            _ = world
            let stored = try await UserSession.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains(token!), "only a hash of the token is stored")
        }
    }

    @Test func repeatedFailuresAreThrottled() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let headers: HTTPHeaders = ["content-type": "application/json"]
            for _ in 0..<5 {
                let wrong = try await app.testing().sendRequest(
                    .POST, "/api/v1/sessions", headers: headers,
                    body: jsonBody(["email": "viewer@test.haven", "password": "guess"]))
                #expect(wrong.status == .forbidden)
            }
            let locked = try await app.testing().sendRequest(
                .POST, "/api/v1/sessions", headers: headers,
                body: jsonBody(["email": "viewer@test.haven", "password": World.password]))
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
        }
    }

    @Test func everyResponseCarriesSecurityHeaders() async throws {
        try await withHaven { app in
            try await app.testing().test(.GET, "/login") { res in
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'none'") == true)
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
            }
        }
    }

    @Test func signedInPagesAreNotCachedButTheStylesheetIs() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let cookie = "haven_session=\(world.tokens[.viewer]!)"
            let stylesheet = try await app.testing().sendRequest(.GET, "/styles.css", headers: ["cookie": cookie])
            #expect(stylesheet.headers.first(name: .cacheControl) == "public, max-age=3600")
            let tag = try #require(stylesheet.headers.first(name: .eTag))
            try await app.testing().test(.GET, "/styles.css", headers: ["if-none-match": tag]) { res in
                #expect(res.status == .notModified && res.body.readableBytes == 0)
            }
            try await app.testing().test(.GET, "/sites", headers: ["cookie": cookie]) { res in
                #expect(res.headers.first(name: .cacheControl) == "private, no-store")
            }
        }
    }

    @Test func loggingOutEndsTheSession() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "viewer@test.haven")
            let confirm = try await app.testing().sendRequest(.GET, "/logout", headers: ["cookie": cookie])
            #expect(confirm.text.contains("Log out of Haven"))
            try await app.testing().test(
                .POST, "/logout", headers: ["cookie": cookie, "content-type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrf)")
            ) { #expect($0.status == .seeOther) }
            try await app.testing().test(.GET, "/sites", headers: ["cookie": cookie]) {
                #expect($0.status == .seeOther)
            }
        }
    }

    @Test func archivedAccountsAndExpiredSessionsAreShutOut() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await app.testing().test(
                .POST, "/api/v1/users/\(world.users[.viewer]!.id!)/archive", headers: world.headers(.administrator)
            ) {
                #expect($0.status == .ok)
            }
            try await app.testing().test(.GET, "/api/v1/sites", headers: world.headers(.viewer)) {
                #expect($0.status == .unauthorized)
            }
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            try await app.testing().test(.GET, "/api/v1/sites", headers: world.headers(.coordinator)) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func administratorsManageAccountsWithoutSeeingPasswords() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let h = world.headers(.administrator)
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/users", headers: h,
                body: jsonBody(
                    [
                        "email": "pm@nrc.example", "role": "partner", "organisationId": world.nrc.id!.uuidString,
                        "password": "a long passphrase",
                    ]))
            #expect(created.status == .created)
            #expect(!created.text.contains("password") && !created.text.contains("$2"))
            let refused = try await app.testing().sendRequest(
                .POST, "/api/v1/users", headers: h,
                body: jsonBody(
                    ["email": "not-an-email", "role": "partner", "password": "short"]))
            #expect(
                Set(try refused.json(ProblemBody.self).errors?.map(\.field) ?? []) == [
                    "email", "password", "organisationId",
                ])
            let event = try await AuditEvent.query(on: app.db).filter(\.$entity == "user").filter(
                \.$entityLabel == "pm@nrc.example"
            ).first()
            #expect(event?.changesJSON.contains("$2") == false)

            let manager = world.users[.siteManager]!.id!
            let assigned = try await app.testing().sendRequest(
                .PUT, "/api/v1/users/\(manager)", headers: h,
                body: jsonBody(
                    [
                        "email": "site_manager@test.haven", "role": "site_manager",
                        "siteIds": [world.alpha.id!.uuidString, world.gamma.id!.uuidString],
                    ]))
            #expect(try assigned.json(UserBody.self).siteIds.count == 2)
            let change = try await AuditEvent.query(on: app.db).filter(\.$entityID == manager).filter(
                \.$action == .update
            ).first()
            #expect(
                change?.changes == [.init(field: "sites", before: "BO0101_0001", after: "BO0101_0001, BO0201_0001")])
        }
    }
}
