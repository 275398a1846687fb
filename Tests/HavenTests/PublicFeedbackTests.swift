import Fluent
import Foundation
@testable import Haven
import Testing
import Vapor
import VaporTesting

/// Residents send feedback without an account, are given a reference, and can ask where it stands.
@Suite struct PublicFeedbackTests {
    func send(_ app: Application, _ fields: [String: String], csrf: String) async throws -> TestingHTTPResponse {
        let body = fields.merging(["_csrf": csrf]) { a, _ in a }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await app.testing().sendRequest(.POST, Paths.publicFeedback, headers: [
            "cookie": "\(CSRFMiddleware.cookieName)=\(csrf)", "content-type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    @Test func anyoneSendsFeedbackGetsAReferenceAndSeesOnlyItsStatus() async throws {
        try await withHaven(adjust: { $0.publicFeedbackPerHour = 3 }) { app in
            let world = try await World.make(on: app)
            let form = try await app.testing().sendRequest(.GET, Paths.publicFeedback)
            #expect(form.status == .ok && form.text.contains("Alpha camp (BO0101_0001)"), "no account needed; sites to choose from")
            let csrf = try #require(form.headers.setCookie?[CSRFMiddleware.cookieName]?.string)

            let bad = try await send(app, ["site": "", "category": "", "description": ""], csrf: csrf)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("choose the site you live in") && bad.text.contains("is required"))
            let sent = try await send(app, ["site": world.alpha.code, "category": "PSEA", "description": FeedbackAPITests.secret,
                                            "contact": FeedbackAPITests.phone, "consent": "yes", "wantsAnswer": "yes"], csrf: csrf)
            #expect(sent.status == .ok)
            let reference = try #require(sent.text.firstMatch(of: /FB-[A-Z0-9]{5}-[A-Z0-9]{5}/).map { String($0.output) })
            let item = try #require(try await FeedbackItem.query(on: app.db).filter(\.$reference == reference).first())
            #expect(item.channel == .webForm && item.sensitive && !item.description.contains("PLANTED"))
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == item.id!).first()
            #expect(trail?.actorLabel == "public web form")

            let status = try await app.testing().sendRequest(.GET, Paths.feedbackStatus + "?reference=" + reference.lowercased())
            #expect(status.status == .ok && status.text.contains("waiting to be read") && !status.text.contains("PLANTED") && !status.text.contains("PSEA"),
                    "the status, never what was said or what it is about")
            let unknown = try await app.testing().sendRequest(.GET, Paths.feedbackStatus + "?reference=FB-AAAAA-AAAAA")
            #expect(unknown.status == .notFound)

            _ = try await send(app, ["site": world.beta.code, "category": "INFO", "description": "When is the next distribution?"], csrf: csrf)
            _ = try await send(app, ["site": world.beta.code, "category": "INFO", "description": "Again"], csrf: csrf)
            let throttled = try await send(app, ["site": world.beta.code, "category": "INFO", "description": "And again"], csrf: csrf)
            #expect(throttled.status == .tooManyRequests, "three an hour from one address")
            #expect(try await FeedbackItem.query(on: app.db).count() == 3)
        }
    }

    @Test func staffFollowAComplaintToClosureInTheBrowserPages() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let item = try await FeedbackAPITests.record(app, world, FeedbackAPITests.input(world.gamma, category: "MAJOR", description: "The water point is broken"))
                .json(FeedbackAPITests.Item.self)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let list = try await app.testing().sendRequest(.GET, Paths.complaints, headers: ["cookie": cookie])
            #expect(list.status == .ok && list.text.contains(item.reference))
            let page = try await app.testing().sendRequest(.GET, Paths.complaint(item.id), headers: ["cookie": cookie])
            #expect(page.text.contains("The water point is broken") && page.text.contains("Acknowledge"))
            func step(_ fields: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, Paths.complaint(item.id) + "/transitions", headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: "_csrf=\(csrf)&" + fields))
            }
            #expect(try await step("to=acknowledged").status == .seeOther)
            let refused = try await step("to=responded&response=")
            #expect(refused.status == .unprocessableEntity && refused.text.contains("say what the person was told"))
            #expect(try await step("to=responded&response=Repaired+on+Tuesday").status == .seeOther)
            #expect(try await step("to=closed&closedVia=community_meeting&satisfaction=satisfied").status == .seeOther)
            let closed = try await app.testing().sendRequest(.GET, Paths.feedbackStatus + "?reference=\(item.reference)")
            #expect(closed.text.contains("It is closed"))
            let (viewer, _) = try await WebPageTests().login(app, as: "viewer@test.haven")
            #expect(try await app.testing().sendRequest(.GET, Paths.complaints, headers: ["cookie": viewer]).status == .forbidden)

            let (partner, partnerCSRF) = try await WebPageTests().login(app, as: "partner@test.haven")
            func intake(_ fields: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, Paths.newComplaint, headers: [
                    "cookie": partner, "content-type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: "_csrf=\(partnerCSRF)&" + fields))
            }
            let bad = try await intake("site=NOPE&category=INFO&description=")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("is not the code of a site"))
            #expect(try await intake("site=\(world.beta.code)&category=INFO&description=x").status == .forbidden, "IOM manages Beta")
            let recorded = try await intake("site=\(world.alpha.code)&channel=hotline&category=PSEA&description=Reported+by+phone&wantsAnswer=yes")
            #expect(recorded.status == .seeOther && recorded.headers.first(name: .location)?.contains("recorded=FB-") == true,
                    "a sensitive call goes to its focal points; the partner who took it sees only its reference")
            let late = try await FeedbackAPITests.record(app, world, FeedbackAPITests.input(world.alpha, category: "MAJOR", description: "Old",
                                                                                             receivedAt: Date().addingTimeInterval(-5 * 86_400)))
            #expect(late.status == .created)
            let digest = try await app.testing().sendRequest(.GET, Paths.complaints, headers: ["cookie": partner])
            #expect(digest.text.contains("<strong>1</strong>late to acknowledge"))
        }
    }
}
