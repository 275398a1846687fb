import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Residents send feedback without an account, are given a reference, and can ask where it stands.
@Suite struct PublicFeedbackTests {
    func send(_ app: Application, _ fields: [String: String], csrf: String) async throws -> TestingHTTPResponse {
        let body = fields.merging(["_csrf": csrf]) { a, _ in a }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
                separator: "&")
        return try await app.testing().sendRequest(
            .POST, Paths.publicFeedback.link(),
            headers: [
                "cookie": "\(CSRFMiddleware.cookieName)=\(csrf)", "content-type": "application/x-www-form-urlencoded",
            ], body: ByteBuffer(string: body))
    }

    @Test func anyoneSendsFeedbackGetsAReferenceAndSeesOnlyItsStatus() async throws {
        try await withHaven(adjust: { $0.publicFeedbackPerHour = 3 }) { app in
            let world = try await World.make(on: app)
            let form = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link())
            #expect(
                form.status == .ok && form.text.contains("Alpha camp (BO0101_0001)"),
                "no account needed; sites to choose from")
            let csrf = try #require(form.headers.setCookie?[CSRFMiddleware.cookieName]?.string)

            let bad = try await send(app, ["site": "", "category": "", "description": ""], csrf: csrf)
            #expect(
                bad.status == .unprocessableEntity && bad.text.contains("Choose the site you live in.")
                    && bad.text.contains("Write your message"))
            let sent = try await send(
                app,
                [
                    "site": world.alpha.code, "category": "PSEA", "description": FeedbackAPITests.secret,
                    "contact": FeedbackAPITests.phone, "consent": "yes", "wantsAnswer": "yes",
                ], csrf: csrf)
            #expect(sent.status == .ok)
            let reference = try #require(
                sent.text.firstMatch(of: /FB-[A-Z0-9]{5}-[A-Z0-9]{5}/).map { String($0.output) })
            let item = try #require(try await FeedbackItem.query(on: app.db).filter(\.$reference == reference).first())
            #expect(item.channel == .webForm && item.sensitive && !item.description.contains("PLANTED"))
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == item.id!).first()
            #expect(trail?.actorLabel == "public web form")

            let status = try await app.testing().sendRequest(
                .GET, Paths.feedbackStatus.link() + "?reference=" + reference.lowercased())
            #expect(
                status.status == .ok && status.text.contains("waiting to be read") && !status.text.contains("PLANTED")
                    && !status.text.contains("PSEA"),
                "the status, never what was said or what it is about")
            let unknown = try await app.testing().sendRequest(
                .GET, Paths.feedbackStatus.link() + "?reference=FB-AAAAA-AAAAA")
            #expect(unknown.status == .notFound)

            _ = try await send(
                app, ["site": world.beta.code, "category": "INFO", "description": "When is the next distribution?"],
                csrf: csrf)
            _ = try await send(app, ["site": world.beta.code, "category": "INFO", "description": "Again"], csrf: csrf)
            let throttled = try await send(
                app, ["site": world.beta.code, "category": "INFO", "description": "And again"], csrf: csrf)
            #expect(throttled.status == .tooManyRequests, "three an hour from one address")
            #expect(try await FeedbackItem.query(on: app.db).count() == 3)
        }
    }

    @Test func residentsReadTheFormThePosterAndTheStatusInTheOperationsLanguages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"language_name": "Soomaali", "form_title": "Ra'yi bixi ama cabasho gudbi"}"#.utf8).write(
            to: folder.appendingPathComponent("so.json"))
        try Data(#"{"send": "Expédier"}"#.utf8).write(to: folder.appendingPathComponent("fr.json"))
        try await withHaven(adjust: {
            $0.languages = ["fr", "ar", "so"]
            $0.wordingDirectory = folder.path
        }) { app in
            let world = try await World.make(on: app)
            let french = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link())
            #expect(
                french.text.contains("lang=\"fr\"") && french.text.contains("Donner votre avis")
                    && french.text.contains("Expédier"),
                "the first language is the default; an operation rewords what it wants")
            #expect(french.text.contains("العربية") && french.text.contains("Soomaali"), "links to the other languages")
            let arabic = try await app.testing().sendRequest(
                .GET, Paths.publicFeedback.link(), headers: ["accept-language": "ar-SY,ar;q=0.9,en;q=0.5"])
            #expect(
                arabic.text.contains("dir=\"rtl\"") && arabic.text.contains("قدّم ملاحظاتك"),
                "the browser's language, right to left")
            let somali = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link() + "?lang=so")
            #expect(
                somali.text.contains("Ra'yi bixi") && somali.text.contains("Your message"),
                "an added language, English where it has no words yet")
            _ = try await app.testing().sendRequest(
                .POST, "/api/v1/services", headers: world.headers(.coordinator),
                body: try jsonBody(ServiceDirectoryTests.service(world, site: world.alpha)))
            let poster = try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code)?lang=ar")
            #expect(
                poster.status == .ok && poster.text.contains("الخدمات في") && poster.text.contains("lang=ar")
                    && poster.text.contains("الحماية"))
            let frenchPoster = try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code)?lang=fr")
            #expect(
                frenchPoster.text.contains("Protection (dont VBG")
                    && frenchPoster.text.contains("Women and girls safe space"),
                "the sector in French, the service as written")
            let form = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link() + "?lang=ar")
            let csrf = try #require(form.headers.setCookie?[CSRFMiddleware.cookieName]?.string)
            let body = "_csrf=\(csrf)&site=&category=&description="
            let bad = try await app.testing().sendRequest(
                .POST, Paths.publicFeedback.link() + "?lang=ar",
                headers: [
                    "cookie": "\(CSRFMiddleware.cookieName)=\(csrf)",
                    "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: body))
            #expect(
                bad.status == .unprocessableEntity && bad.text.contains("اختر الموقع الذي تعيش فيه"),
                "errors in the resident's language")
        }
        #expect(throws: HavenError.self) { try Wordings(codes: ["xx"], directory: nil) }
        try Data(#"{"form_titel": "typo"}"#.utf8).write(to: folder.appendingPathComponent("so.json"))
        do {
            _ = try Wordings(codes: ["so"], directory: folder.path)
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect("\(error)".contains("form_titel"), "the file and the key are named")
        }
    }

    /// The categories a resident chooses from, the confidential ones among them, in the page's language; an
    /// operation gives its own categories' labels per language through the API, checked like every label.
    @Test func complaintCategoriesSpeakTheResidentsLanguage() async throws {
        try await withHaven(adjust: { $0.languages = ["en", "fr", "es", "ar"] }) { app in
            let world = try await World.make(on: app)
            for (language, psea) in [
                ("fr", "Exploitation ou abus sexuels par des travailleurs humanitaires"),
                ("es", "Explotación o abuso sexual por parte de trabajadores humanitarios"),
                ("ar", "الاستغلال أو الاعتداء الجنسي من قبل العاملين في المجال الإنساني"),
                ("en", "Sexual exploitation or abuse by aid workers"),
            ] {
                let form = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link() + "?lang=\(language)")
                #expect(form.text.contains(psea), "\(language)")
            }
            let french = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link() + "?lang=fr")
            #expect(
                !french.text.contains(">Gender-based violence<") && french.text.contains("Violence basée sur le genre"))

            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/feedback-categories", headers: world.headers(.coordinator),
                body: try jsonBody([
                    "code": "WATER", "label": "Water point problem", "sensitive": false, "acknowledgeDays": 3,
                    "respondHours": 240, "labels": ["fr": "Problème de point d'eau"],
                ]))
            #expect(added.status == .created)
            let withIt = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link() + "?lang=fr")
            #expect(
                withIt.text.contains("Problème de point d&#39;eau") || withIt.text.contains("Problème de point d'eau"))
            let spanish = try await app.testing().sendRequest(.GET, Paths.publicFeedback.link() + "?lang=es")
            #expect(spanish.text.contains("Water point problem"), "a language without its label shows it as written")
            for (labels, why) in [
                (["French": "x"], "is not a language code"),
                (["ar": String(repeating: "x", count: 201)], "labels.ar"),
            ] {
                let refused = try await app.testing().sendRequest(
                    .PUT, "/api/v1/feedback-categories/WATER", headers: world.headers(.coordinator),
                    body: try jsonBody([
                        "code": "WATER", "label": "Water point problem", "sensitive": false, "acknowledgeDays": 3,
                        "respondHours": 240, "labels": labels,
                    ]))
                #expect(refused.status == .unprocessableEntity && refused.text.contains(why), "\(refused.text)")
            }
            let kept = try await FeedbackCategory.query(on: app.db).filter(\.$code == "WATER").first()
            #expect(kept?.labels.byLanguage == ["fr": "Problème de point d'eau"])
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityLabel == "WATER Water point problem")
                .all()
            #expect(trail.first?.changes.contains { $0.field == "labels" } == true)
        }
    }

    @Test func everyBuiltInLanguageSaysEverythingWithTheSamePlaceholders() {
        for (code, words) in WordingCatalogue.builtIn {
            #expect(
                Set(words.keys) == Set(Wording.Key.allCases),
                "\(code) lacks \(Set(Wording.Key.allCases).subtracting(words.keys).map(\.rawValue))")
            for key in Wording.Key.allCases {
                let placeholders = { (text: String) in Set(text.matches(of: /\{[a-z]+\}/).map { String($0.output) }) }
                #expect(
                    placeholders(words[key] ?? "") == placeholders(WordingCatalogue.english[key]!),
                    "\(code) \(key.rawValue)")
            }
        }
    }

    @Test func staffFollowAComplaintToClosureInTheBrowserPages() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let item = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(world.gamma, category: "MAJOR", description: "The water point is broken")
            )
            .json(FeedbackAPITests.Item.self)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let list = try await app.testing().sendRequest(.GET, Paths.complaints.link(), headers: ["cookie": cookie])
            #expect(list.status == .ok && list.text.contains(item.reference))
            let page = try await app.testing().sendRequest(
                .GET, Paths.complaint.link(item.id), headers: ["cookie": cookie])
            #expect(page.text.contains("The water point is broken") && page.text.contains("Acknowledge"))
            func step(_ fields: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, Paths.complaintTransitions.link(item.id),
                    headers: [
                        "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                    ], body: ByteBuffer(string: "_csrf=\(csrf)&" + fields))
            }
            let other = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.gamma, category: "MINOR")
            ).json(FeedbackAPITests.Item.self)
            let gamma = try await app.testing().sendRequest(
                .GET, Paths.complaints.link() + "?site=\(world.gamma.id!)&limit=1", headers: ["cookie": cookie])
            #expect(
                gamma.text.contains("<strong>2</strong>items")
                    && gamma.text.contains("site=\(world.gamma.id!.uuidString)"),
                "the next page keeps the site filter")
            let itemPage = try await app.testing().sendRequest(
                .GET, Paths.complaint.link(other.id), headers: ["cookie": cookie])
            #expect(
                itemPage.text.contains("Change the category") && itemPage.text.contains("only focal points will see it")
            )
            let moved = try await app.testing().sendRequest(
                .POST, Paths.complaint.link(other.id) + "/category",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "_csrf=\(csrf)&category=GBV&sector="))
            #expect(
                moved.status == .seeOther
                    && moved.headers.first(name: .location)?.contains("recorded=\(other.reference)") == true,
                "filed as sensitive, the case leaves the coordinator's list")
            let unknown = try await step("to=solved")
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("is not a step"))
            #expect(try await step("to=acknowledged").status == .seeOther)
            let refused = try await step("to=responded&response=")
            #expect(refused.status == .unprocessableEntity && refused.text.contains("say what the person was told"))
            #expect(try await step("to=responded&response=Repaired+on+Tuesday").status == .seeOther)
            #expect(try await step("to=closed&closedVia=community_meeting&satisfaction=satisfied").status == .seeOther)
            let closed = try await app.testing().sendRequest(
                .GET, Paths.feedbackStatus.link() + "?reference=\(item.reference)")
            #expect(closed.text.contains("It is closed"))
            let (viewer, _) = try await WebPageTests().login(app, as: "viewer@test.haven")
            #expect(
                try await app.testing().sendRequest(.GET, Paths.complaints.link(), headers: ["cookie": viewer]).status
                    == .forbidden)

            let (partner, partnerCSRF) = try await WebPageTests().login(app, as: "partner@test.haven")
            func intake(_ fields: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, Paths.newComplaint.link(),
                    headers: [
                        "cookie": partner, "content-type": "application/x-www-form-urlencoded",
                    ], body: ByteBuffer(string: "_csrf=\(partnerCSRF)&" + fields))
            }
            let bad = try await intake("site=NOPE&category=INFO&description=")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("is not the code of a site"))
            #expect(
                try await intake("site=\(world.beta.code)&category=INFO&description=x").status == .forbidden,
                "IOM manages Beta")
            let recorded = try await intake(
                "site=\(world.alpha.code)&channel=hotline&category=PSEA&description=Reported+by+phone&wantsAnswer=yes")
            #expect(
                recorded.status == .seeOther
                    && recorded.headers.first(name: .location)?.contains("recorded=FB-") == true,
                "a sensitive call goes to its focal points; the partner who took it sees only its reference")
            let late = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(
                    world.alpha, category: "MAJOR", description: "Old",
                    receivedAt: Date().addingTimeInterval(-5 * 86_400)))
            #expect(late.status == .created)
            let digest = try await app.testing().sendRequest(
                .GET, Paths.complaints.link(), headers: ["cookie": partner])
            #expect(digest.text.contains("<strong>1</strong>late to acknowledge"))
        }
    }
}
