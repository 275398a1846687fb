import Fluent
import Foundation
import PropertyBased
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// What a hostile tester did to Haven, each now refused with a 4xx while the server keeps answering.
@Suite struct HostileRequestTests {
    @Test func monthsBefore1900OrAfter2999AreRefusedAndTheServerKeepsAnswering() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            for path in [
                "/api/v1/analysis/gaps", "/api/v1/analysis/duplications", "/api/v1/analysis/presence",
                "/api/v1/analysis/presence/areas",
            ] {
                for month in ["1899-12", "4819-04", "0000-01"] {
                    let answer = try await app.testing().sendRequest(
                        .GET, "\(path)?month=\(month)", headers: world.headers(.viewer))
                    #expect(answer.status == .unprocessableEntity, "\(path)?month=\(month)")
                }
            }
            let (cookie, _) = try await WebPageTests().login(app, as: "viewer@test.haven")
            let page = try await app.testing().sendRequest(
                .GET, Paths.presence.link() + "?month=1899-12", headers: ["cookie": cookie])
            #expect((400..<500).contains(Int(page.status.code)))
            for month in ["1899-12", "4819-04"] {
                let line = try await app.testing().sendRequest(
                    .POST, "/api/v1/activities", headers: world.headers(.partner),
                    body: try jsonBody(ActivityAPITests.line(world, extra: ["month": month])))
                #expect(line.status == .badRequest && line.text.contains("between 1900 and 2999"))
            }
            let target = try await app.testing().sendRequest(
                .POST, "/api/v1/targets", headers: world.headers(.coordinator),
                body: try jsonBody([
                    "sector": "WASH", "fromMonth": "1899-12", "toMonth": "2026-12", "people": 100,
                ]))
            #expect(target.status == .badRequest)
            #expect(try await ResponseTarget.query(on: app.db).count() == 0)
            let partner = try #require(try await CurrentUserMiddleware.user(id: world.users[.partner]!.id!, on: app.db))
            let file = ActivityImportTests.csv([
                "NRC,,WASH-01,BO0101_0001,,active,\(ActivityImportTests.start),0000-01,500,300,,,,,,,,,,"
            ])
            let preview = try await Imports.preview(.activities, text: file, user: partner, on: app.db)
            #expect(preview.errors.contains { $0.line == 3 && $0.message.contains("between 1900 and 2999") })
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.viewer)).status
                    == .ok)
        }
    }

    @Test func countsThatWouldOverflowAreRefusedByField() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let body = ActivityAPITests.line(
                world, reached: ["total": 5, "female": [Int.max, Int.max, 1, 1, 1], "male": [1, 1, 1, 1, 1]])
            let answer = try await app.testing().sendRequest(
                .POST, "/api/v1/activities", headers: world.headers(.partner), body: try jsonBody(body))
            let problem = try answer.json(ProblemBody.self)
            #expect(
                answer.status == .unprocessableEntity
                    && problem.errors?.contains {
                        $0.field.hasPrefix("reached.female") && $0.message.contains("100,000,000")
                    } == true, "\(problem)")
        }
    }

    @Test func theAPITakesNoFormsAndNoCookieForChangesWithoutTheCSRFToken() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let form = try await app.testing().sendRequest(
                .POST, "/api/v1/organisations",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "name=Evil&type=ingo"))
            #expect(form.status == .unsupportedMediaType)
            let json = try jsonBody(["name": "Cross-site aid", "acronym": "CSA", "type": "ingo"])
            let withoutToken = try await app.testing().sendRequest(
                .POST, "/api/v1/organisations",
                headers: [
                    "cookie": cookie, "content-type": "application/json",
                ], body: json)
            #expect(withoutToken.status == .unauthorized)
            #expect(try await Organisation.query(on: app.db).filter(\.$acronym == "CSA").count() == 0)
            let withToken = try await app.testing().sendRequest(
                .POST, "/api/v1/organisations",
                headers: [
                    "cookie": cookie, "content-type": "application/json", "X-CSRF-Token": csrf,
                ], body: json)
            #expect(withToken.status == .created)
            let reading = try await app.testing().sendRequest(
                .GET, "/api/v1/organisations", headers: ["cookie": cookie])
            #expect(reading.status == .ok, "exports and reads still follow the page's session")

            let logout = try await app.testing().sendRequest(
                .DELETE, "/api/v1/sessions/current", headers: ["cookie": cookie, "X-CSRF-Token": csrf])
            #expect(logout.status == .noContent)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/organisations", headers: ["cookie": cookie])
            #expect(after.status == .unauthorized)
        }
    }

    @Test func aNewPasswordEndsEverySessionTokenAndRememberedODKLogin() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let email = "site_manager@test.haven"
            var basic = HTTPHeaders()
            basic.basicAuthorization = BasicAuthorization(username: email, password: World.password)
            #expect(try await app.testing().sendRequest(.GET, "/v1/projects/1/formList", headers: basic).status == .ok)
            let manager = world.users[.siteManager]!
            let change = try await app.testing().sendRequest(
                .PUT, "/api/v1/users/\(manager.id!)", headers: world.headers(.administrator),
                body: try jsonBody(["email": email, "role": "site_manager", "password": "a brand new passphrase"]))
            #expect(change.status == .ok)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.siteManager)).status
                    == .unauthorized)
            #expect(
                try await app.testing().sendRequest(.GET, "/v1/projects/1/formList", headers: basic).status
                    == .unauthorized)
            basic.basicAuthorization = BasicAuthorization(username: email, password: "a brand new passphrase")
            #expect(try await app.testing().sendRequest(.GET, "/v1/projects/1/formList", headers: basic).status == .ok)
        }
    }

    @Test(arguments: [
        "/\\evil.example/x", "/\t/evil.example", "//evil.example", "/\n/evil.example", "https://evil.example",
        "/ok\u{202E}",
        "\\/evil.example",
    ])
    func aLoginNeverFollowsALinkOffTheSite(next: String) {
        #expect(Paths.safeNext(next) == Paths.home.link())
    }

    @Test func localPathsStillFollowALogin() {
        #expect(Paths.safeNext("/sites/123?tab=rounds") == "/sites/123?tab=rounds")
    }

    @Test func siteCodesAreOneWhateverTheirCase() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let clash = try await app.testing().sendRequest(
                .POST, "/api/v1/sites", headers: world.headers(.coordinator),
                body: try jsonBody(
                    [
                        "code": "bo0101_0001", "name": "Alpha again", "type": "planned_camp", "status": "open",
                        "adminAreaId": world.northDistrict.id!.uuidString,
                    ]))
            let problem = try clash.json(ProblemBody.self)
            #expect(clash.status == .unprocessableEntity && problem.errors?.first?.field == "code", "\(problem)")
            let lower = try await SiteRegister.create(
                World.siteInput("camp-a", "Camp A", area: world.south, agency: nil), by: .commandLine("test"),
                on: app.db)
            #expect(try await Site.named("CAMP-A", on: app.db)?.id == lower.id)
            let poster = try await app.testing().sendRequest(.GET, Paths.poster.link("camp-a"))
            #expect(poster.status == .ok)
            #expect(try await RoundSite.find(code: "Camp-A", on: app.db)?.id == lower.id)
            let coordinator = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.coordinator]!.id!, on: app.db))
            let file = ActivityImportTests.csv([
                "NRC,,WASH-01,bo0101_0001,,active,\(ActivityImportTests.start),\(ActivityImportTests.month),500,300,,,,,,,,,,"
            ])
            let preview = try await Imports.preview(.activities, text: file, user: coordinator, on: app.db)
            #expect(preview.errors.isEmpty && preview.creates == 1, "\(preview.errors)")
        }
    }

    @Test func theMigrationStopsOnCodesThatDifferOnlyInCaseNamingThem() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await AddSiteCodeKeys().revert(on: app.db)
            try await app.db.sql.update(Site.schema).set("code", to: "bo0101_0001").where("id", .equal, world.beta.id!)
                .run()
            await #expect {
                try await AddSiteCodeKeys().prepare(on: app.db)
            } throws: { error in
                "\(error)".contains("BO0101_0001 / bo0101_0001")
            }
            try await app.db.sql.update(Site.schema).set("code", to: "BO0101_0002").where("id", .equal, world.beta.id!)
                .run()
            try await AddSiteCodeKeys().prepare(on: app.db)
            #expect(try await Site.named("bo0101_0002", on: app.db)?.id == world.beta.id)
        }
    }

    @Test func failedLoginsAndRefusalsAreOnTheTrailWithoutThePassword() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let refused = try await app.testing().sendRequest(
                .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                body: try jsonBody(["email": "viewer@test.haven", "password": "guess-number-one"]))
            #expect(refused.status == .forbidden)
            let unknown = try await app.testing().sendRequest(
                .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                body: try jsonBody(["email": "nobody@else.org", "password": "guess-number-two"]))
            #expect(unknown.status == .forbidden)
            let viewer = try await app.testing().sendRequest(
                .POST, "/api/v1/organisations", headers: world.headers(.viewer),
                body: try jsonBody(["name": "Viewer's own", "type": "ingo"]))
            #expect(viewer.status == .forbidden)
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == .refuse).all()
            let logins = events.filter { $0.entity == Refusals.loginEntity }
            #expect(logins.count == 2 && logins.contains { $0.entityID == world.users[.viewer]!.id })
            #expect(
                logins.contains { $0.entityLabel.hasPrefix("unknown account ") && !$0.entityLabel.contains("nobody") })
            #expect(!events.contains { $0.changesJSON.contains("guess-number") })
            #expect(
                events.contains {
                    $0.entity == Refusals.permissionEntity && $0.actorID == world.users[.viewer]!.id
                        && $0.entityLabel == "POST /api/v1/organisations"
                })
        }
    }

    @Test func onlyTrustedProxiesNameTheClient() throws {
        let proxies = ["10.0.0.0/8", "::1"].compactMap(ClientAddress.Network.init)
        #expect(proxies.count == 2)
        #expect(
            ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["203.0.113.7"], trusted: proxies) == "203.0.113.7")
        #expect(
            ClientAddress.resolve(
                peer: "10.1.2.3", forwardedFor: ["198.51.100.1, 203.0.113.7, 10.9.9.9"], trusted: proxies)
                == "203.0.113.7")
        #expect(
            ClientAddress.resolve(peer: "192.0.2.50", forwardedFor: ["203.0.113.7"], trusted: proxies) == "192.0.2.50",
            "not a proxy of ours")
        #expect(
            ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["not an address"], trusted: proxies) == "10.1.2.3")
        #expect(ClientAddress.resolve(peer: "::1", forwardedFor: ["2001:db8::5"], trusted: proxies) == "2001:db8::5")
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["203.0.113.7"], trusted: []) == "10.1.2.3")
        #expect(
            ClientAddress.Network("10.0.0.0/33") == nil && ClientAddress.Network("banana") == nil
                && ClientAddress.Network("::/0") != nil)
    }

    @Test func aGuesserCannotClearItsAddressByLoggingInBetweenGuesses() async throws {
        try await withHaven(adjust: { $0.failedLoginLimit = 2 }) { app in
            _ = try await World.make(on: app)
            func login(_ email: String, _ password: String) async throws -> HTTPStatus {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                    body: try jsonBody(["email": email, "password": password])
                ).status
            }
            var statuses: [HTTPStatus] = []
            for round in 0..<10 {
                statuses.append(try await login("user\(round)@nowhere.org", "wrong password"))
                statuses.append(try await login("viewer@test.haven", World.password))
            }
            #expect(statuses.suffix(2).contains(.tooManyRequests), "\(statuses)")
        }
    }

    @Test func exportsNeverCarryFormulasButKeepNumbers() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let actor = Actor.commandLine("test")
            world.nrc.name = "@SUM(1)+HYPERLINK(\"http://evil.example\")"
            try await world.nrc.save(on: app.db)
            var input = SiteRegister.input(from: world.alpha)
            input.name = "=HYPERLINK(\"http://evil.example\",\"Alpha\")"
            _ = try await SiteRegister.update(world.alpha, with: input, by: actor, on: app.db)
            let line = try await app.testing().sendRequest(
                .POST, "/api/v1/activities", headers: world.headers(.partner),
                body: try jsonBody(ActivityAPITests.line(world, extra: ["comment": "+1+1", "reached": ["total": 60]])))
            #expect(line.status == .created)
            let export = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/activities.csv", headers: world.headers(.viewer))
            let rows = try CSV.parse(export.body.string, limits: TableLimits.csv).filter { $0 != [""] }
            let data = try #require(rows.last)
            let cell = { (tag: String) in data[rows[1].firstIndex(of: tag) ?? 0] }
            #expect(cell("#org+name") == "'@SUM(1)+HYPERLINK(\"http://evil.example\")")
            #expect(cell("#loc+name").hasPrefix("'=HYPERLINK") && cell("#description") == "'+1+1")
            #expect(cell("#reached+ind") == "60" && cell("#loc+code") == "BO0101_0001")
        }
    }

    @Test func onlyTextThatASpreadsheetWouldRunIsNeutralised() {
        #expect(
            CSV.exportLine(["=1+1", "+3", "-2", "@A1", "\tx", "\rx", "a=b", "#tag", ""])
                == "'=1+1,'+3,'-2,'@A1,'\tx,\"'\rx\",a=b,#tag,")
        #expect(CSV.exportLine(["-5", "-5"], numeric: [true, false]) == "-5,'-5")
    }

    @Test func textsAreBoundedCleanAndVisible() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            func create(_ fields: [String: Any]) async throws -> (HTTPStatus, [String]) {
                var body: [String: Any] = [
                    "code": "BO0101_0099", "name": "Delta camp", "type": "planned_camp", "status": "open",
                    "adminAreaId": world.northDistrict.id!.uuidString,
                ]
                body.merge(fields) { _, new in new }
                let answer = try await app.testing().sendRequest(
                    .POST, "/api/v1/sites", headers: world.headers(.coordinator), body: try jsonBody(body))
                return (answer.status, (try? answer.json(ProblemBody.self))?.errors?.map(\.field) ?? [])
            }
            #expect(
                try await create(["notes": String(repeating: "n", count: 15_000_000)]) == (
                    .unprocessableEntity, ["notes"]
                ))
            #expect(
                try await create(["notes": String(repeating: "n", count: 6_000)]) == (.unprocessableEntity, ["notes"]))
            #expect(try await create(["name": "Delta\u{0}camp"]) == (.unprocessableEntity, ["name"]))
            #expect(try await create(["name": "Delta \u{202E}pmac"]) == (.unprocessableEntity, ["name"]))
            #expect(try await create(["name": "\u{200B}\u{200B}\u{200B}"]) == (.unprocessableEntity, ["name"]))
            #expect(try await create(["otherNames": ["ok", "bad\u{7}"]]) == (.unprocessableEntity, ["otherNames.1"]))
            #expect(try await Site.query(on: app.db).count() == 3, "nothing refused was written")
            #expect(try await create(["name": "مخيم دلتا", "notes": "Two lines\nof notes"]).0 == .created)

            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let page = try await app.testing().sendRequest(
                .POST, Paths.newSite.link(),
                headers: ["cookie": cookie, "content-type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&code=BO0101_0098&name=Echo%00camp&type=planned_camp&status=open&adminAreaId=\(world.northDistrict.id!)"
                ))
            #expect(page.status == .unprocessableEntity && page.text.contains("control character"))
        }
    }

    @Test func anyTextIsJudgedWithoutTrapping() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            for kind in [TextRules.Kind.code, .name, .line, .note] {
                if TextRules.problem(text, kind) == nil {
                    #expect(text.count <= kind.limit)
                    #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
                }
            }
        }
    }

    @Test func theDataFolderIsPrivateAndSealedTextLeavesNoCopyOnDisk() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // files of SQLite's own
        try await withHaven { app in
            let world = try await World.make(on: app)
            let folder = app.havenSettings.dataDirectory
            let permissions = { (path: String) in
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
            }
            #expect(try permissions(folder) == 0o700 && permissions(folder + "/haven.sqlite") == 0o600)
            let item = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(
                    world.alpha, category: "MINOR",
                    description: "WALTEXT the distribution agent asked for favours"))
            let id = try item.json(FeedbackAPITests.Item.self).id
            let reclassified = try await app.testing().sendRequest(
                .POST, "/api/v1/feedback/\(id)/category", headers: world.headers(.coordinator),
                body: try jsonBody(["category": "PSEA"]))
            #expect(reclassified.status == .ok)
            for file in ["/haven.sqlite", "/haven.sqlite-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: folder + file))) ?? Data()
                #expect(bytes.range(of: Data("WALTEXT".utf8)) == nil, "\(file) holds the text in the clear")
            }
        }
    }

    @Test func pagesPastAnyListAreRefusedRatherThanOverflowing() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            for path in [
                "/api/v1/sites?offset=9223372036854775800", "/api/v1/feedback?offset=9223372036854775800&limit=500",
                "/api/v1/analysis/gaps?offset=-1", "/api/v1/sites?limit=99999999999999999999",
            ] {
                let answer = try await app.testing().sendRequest(.GET, path, headers: world.headers(.administrator))
                #expect(answer.status == .unprocessableEntity, "\(path)")
            }
            var basic = HTTPHeaders()
            basic.basicAuthorization = BasicAuthorization(
                username: "administrator@test.haven", password: World.password)
            let odata = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/\(MonitoringXForm.formID).svc/Submissions?%24skip=9223372036854775800",
                headers: basic)
            #expect(odata.status == .badRequest)
        }
    }
}
