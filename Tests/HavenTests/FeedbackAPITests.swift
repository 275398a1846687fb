import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import Haven

@Suite struct FeedbackAPITests {
    struct Item: Decodable {
        var id: UUID, reference: String, sensitive: Bool, status: FeedbackStatus, overdue: Bool
        var description: String?, contact: String?, response: String?
    }

    static let secret = "PLANTED-7731 the distributor asked for sex in exchange for food"
    static let phone = "+211 955 PLANTED 01"

    static func input(
        _ site: Site, category: String, description: String = secret, contact: String? = phone, receivedAt: Date? = nil
    ) -> [String: Any] {
        var body: [String: Any] = [
            "siteId": site.id!.uuidString, "channel": "help_desk", "category": category, "description": description,
            "consentToContact": contact != nil, "wantsAnswer": true, "sex": "female", "ageGroup": "18_59",
        ]
        if let contact { body["contact"] = contact }
        if let receivedAt { body["receivedAt"] = ISO8601DateFormatter().string(from: receivedAt) }
        return body
    }

    static func record(_ app: Application, _ world: World, as role: Role = .coordinator, _ body: [String: Any])
        async throws -> TestingHTTPResponse
    {
        try await app.testing().sendRequest(
            .POST, "/api/v1/feedback", headers: world.headers(role), body: try jsonBody(body))
    }

    @Test func sensitiveComplaintsAreSealedAtRestAndReachTheirFocalPointsOnly() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let created = try await Self.record(app, world, Self.input(world.alpha, category: "psea"))
            #expect(created.status == .created)
            let item = try created.json(Item.self)
            #expect(
                item.sensitive && item.description == nil && item.contact == nil && !created.text.contains("PLANTED"))

            struct Raw: Decodable {
                var description: String
                var contact: String
            }
            let raw = try await app.db.sql.raw("SELECT description, contact FROM feedback").all(decoding: Raw.self)
            #expect(
                raw.count == 1 && !raw[0].description.contains("PLANTED") && !raw[0].contact.contains("PLANTED")
                    && raw[0].description.hasPrefix("v1:"))
            struct Change: Decodable { var changes: String }
            let trail = try await app.db.sql.raw("SELECT changes FROM audit_events").all(decoding: Change.self)
            #expect(!trail.contains { $0.changes.contains("PLANTED") }, "nothing said or personal enters the trail")

            for role in [Role.coordinator, .administrator, .siteManager] {
                let list = try await app.testing().sendRequest(.GET, "/api/v1/feedback", headers: world.headers(role))
                    .json(Envelope<Item>.self)
                #expect(list.total == 0, "\(role) is no focal point")
                let one = try await app.testing().sendRequest(
                    .GET, "/api/v1/feedback/\(item.id)", headers: world.headers(role))
                #expect(one.status == .notFound)
            }
            let viewer = try await app.testing().sendRequest(.GET, "/api/v1/feedback", headers: world.headers(.viewer))
            #expect(viewer.status == .forbidden)

            let focal = try #require(try await User.find(world.users[.siteManager]!.id, on: app.db))
            focal.feedbackFocalPoint = true
            try await focal.update(on: app.db)
            let list = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback", headers: world.headers(.siteManager))
            #expect(
                try list.json(Envelope<Item>.self).total == 1 && !list.text.contains("PLANTED"),
                "lists carry no confided text")
            let opened = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback/\(item.id)", headers: world.headers(.siteManager)
            ).json(Item.self)
            #expect(opened.description == Self.secret && opened.contact == Self.phone)
            let views = try await AuditEvent.query(on: app.db).filter(\.$entityID == item.id).filter(\.$action == .view)
                .all()
            #expect(views.count == 1 && views[0].actorID == focal.id, "opening a sensitive item is on the record")
        }
    }

    @Test func partnersAndSiteManagersHandleTheFeedbackOfTheirSitesOrReferredToThem() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let atAlpha = try await Self.record(
                app, world, as: .partner,
                Self.input(world.alpha, category: "ASSIST", description: "No blankets in block C"))
            #expect(atAlpha.status == .created, "NRC manages Alpha")
            let refused = try await Self.record(app, world, as: .partner, Self.input(world.beta, category: "ASSIST"))
            #expect(refused.status == .forbidden, "IOM manages Beta")
            let atBeta = try await Self.record(
                app, world,
                Self.input(world.beta, category: "INFO", description: "When is the next distribution?", contact: nil)
            ).json(Item.self)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/feedback", headers: world.headers(.partner)).json(
                    Envelope<Item>.self
                ).total == 1)
            #expect(
                try await app.testing().sendRequest(
                    .GET, "/api/v1/feedback/\(atBeta.id)", headers: world.headers(.partner)
                ).status == .notFound)
            let referred = try await app.testing().sendRequest(
                .POST, "/api/v1/feedback/\(atBeta.id)/transitions", headers: world.headers(.coordinator),
                body: try jsonBody([
                    "to": "referred", "organisationId": world.nrc.id!.uuidString, "focalPoint": "NRC ICLA officer",
                ]))
            #expect(try referred.json(Item.self).status == .referred)
            #expect(
                try await app.testing().sendRequest(
                    .GET, "/api/v1/feedback/\(atBeta.id)", headers: world.headers(.partner)
                ).status == .ok,
                "referred to the partner's organisation")
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/feedback", headers: world.headers(.siteManager))
                    .json(Envelope<Item>.self).total == 1,
                "the site manager's own site only")
            let bad = try await Self.record(app, world, Self.input(world.alpha, category: "NOPE", description: ""))
            #expect(Set(try bad.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["category", "description"])
        }
    }

    @Test func aComplaintFiledUnderTheWrongCategoryIsSealedTheMomentItTurnsSensitive() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let item = try await Self.record(app, world, Self.input(world.alpha, category: "MINOR")).json(Item.self)
            func reclassify(_ role: Role, _ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/feedback/\(item.id)/category", headers: world.headers(role),
                    body: try jsonBody(body))
            }
            let unknown = try await reclassify(.coordinator, ["category": "BLANKETS", "sector": "Mining"])
            #expect(Set(try unknown.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["category", "sector"])
            #expect(try await reclassify(.coordinator, ["category": "psea", "sector": "Protection"]).status == .ok)
            let stored = try #require(try await FeedbackItem.find(item.id, on: app.db))
            #expect(
                stored.sensitive && stored.categoryCode == "PSEA" && stored.sector == "Protection"
                    && !stored.description.contains("PLANTED"),
                "sealed at once")
            #expect(
                stored.respondBy == stored.receivedAt.addingTimeInterval(72 * 3600), "the deadline of the new category")
            #expect(
                try await app.testing().sendRequest(
                    .GET, "/api/v1/feedback/\(item.id)", headers: world.headers(.coordinator)
                ).status == .notFound,
                "out of the coordinator's hands: no focal point")
            let focal = try #require(try await User.find(world.users[.administrator]!.id, on: app.db))
            focal.feedbackFocalPoint = true
            try await focal.update(on: app.db)
            let opened = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback/\(item.id)", headers: world.headers(.administrator))
            #expect(opened.text.contains(Self.secret), "the focal point reads it")
            #expect(
                try await reclassify(.administrator, ["category": "INFO"]).status == .ok,
                "a focal point can take it back out")
            #expect(try await FeedbackItem.find(item.id, on: app.db)?.description == Self.secret)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == item.id).filter(
                \.$action == .update
            ).all()
            #expect(
                trail.count == 2
                    && trail.allSatisfy { !$0.changesJSON.contains("PLANTED") && $0.changesJSON.contains("category") })
            let items = try await FeedbackItem.query(on: app.db).all()
            #expect(
                try await FeedbackFiguresTests.storedTallies(app.db)
                    == FeedbackTally.total(items.compactMap(\.tallyFacts).map { ($0, 1) }))
        }
    }

    @Test func aComplaintIsFollowedToClosureAndLateOnesAreListed() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let late = try await Self.record(
                app, world,
                Self.input(
                    world.gamma, category: "MAJOR", description: "Latrines flooded for a week",
                    receivedAt: Date().addingTimeInterval(-40 * 86_400))
            ).json(Item.self)
            _ = try await Self.record(
                app, world,
                Self.input(world.gamma, category: "THANKS", description: "Thank you for the lights", contact: nil))
            let overdue = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback?overdue=true", headers: world.headers(.coordinator)
            ).json(Envelope<Item>.self)
            #expect(overdue.items.map(\.id) == [late.id] && overdue.items[0].overdue)

            func step(_ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/feedback/\(late.id)/transitions", headers: world.headers(.coordinator),
                    body: try jsonBody(body))
            }
            #expect(
                try await step(["to": "closed", "closedVia": "help_desk"]).status == .unprocessableEntity,
                "the person asked for an answer")
            #expect(try await step(["to": "acknowledged"]).status == .ok)
            #expect(try await step(["to": "in_progress"]).status == .ok)
            #expect(
                try await step(["to": "responded", "response": "The WASH partner pumps the latrines on Tuesday"]).status
                    == .ok)
            let closed = try await step(["to": "closed", "closedVia": "community_meeting", "satisfaction": "satisfied"])
            #expect(try closed.json(Item.self).status == .closed)
            #expect(try await step(["to": "in_progress"]).status == .unprocessableEntity, "closed is final")
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == late.id).sort(\.$at).all()
            #expect(trail.map(\.action) == [.create, .update, .update, .update, .update])
            #expect(trail.allSatisfy { !$0.changesJSON.contains("Latrines") && !$0.changesJSON.contains("pumps") })
            let after = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback?overdue=true", headers: world.headers(.coordinator)
            ).json(Envelope<Item>.self)
            #expect(after.total == 0)
        }
    }
}

@Suite struct FeedbackKeyRotationTests {
    @Test func rotatingTheKeySealsEverythingAgainUnderTheNewOne() async throws {
        let old = FeedbackCipher.newKeyText()
        let new = FeedbackCipher.newKeyText()
        try await withHaven(adjust: { $0.feedbackKeyring = "1:\(old)" }) { app in
            let world = try await World.make(on: app)
            let item = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.alpha, category: "GBV")
            ).json(FeedbackAPITests.Item.self)
            let ring = try FeedbackCipher(keyring: "2:\(new),1:\(old)")
            #expect(try await FeedbackRekey.run(cipher: ring, on: app.db) == 1)
            #expect(try await FeedbackRekey.run(cipher: ring, on: app.db) == 0, "nothing left under the old key")
            let stored = try #require(try await FeedbackItem.find(item.id, on: app.db))
            #expect(stored.description.hasPrefix("v1:2:") && stored.contact.hasPrefix("v1:2:"))
            let newOnly = try FeedbackCipher(keyring: "2:\(new)")
            #expect(
                try newOnly.open(stored.description, for: item.id) == FeedbackAPITests.secret,
                "the old key can now be dropped")
            #expect(try newOnly.open(stored.contact, for: item.id) == FeedbackAPITests.phone)
        }
    }
}

@Suite struct FeedbackCategoryTests {
    @Test func coordinatorsAdaptCategoriesButNeverTheSensitivityOfOneInUse() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any], as role: Role = .coordinator)
                async throws -> TestingHTTPResponse
            {
                try await app.testing().sendRequest(
                    method, path, headers: world.headers(role), body: try jsonBody(body))
            }
            let added = try await send(
                .POST, "/api/v1/feedback-categories",
                [
                    "code": "cash", "label": "Cash assistance", "sensitive": false, "acknowledgeDays": 2,
                    "respondHours": 240,
                ])
            #expect(added.status == .created)
            #expect(
                try await send(
                    .POST, "/api/v1/feedback-categories",
                    ["code": "X", "label": "x", "sensitive": false, "acknowledgeDays": 2, "respondHours": 2],
                    as: .partner
                ).status == .forbidden)
            let twin = try await send(
                .POST, "/api/v1/feedback-categories",
                ["code": "CASH", "label": "", "sensitive": false, "acknowledgeDays": 0, "respondHours": 2])
            #expect(
                Set(try twin.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["code", "label", "acknowledgeDays"])
            _ = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(world.alpha, category: "CASH", description: "Card blocked", contact: nil))
            let flip = try await send(
                .PUT, "/api/v1/feedback-categories/cash",
                ["code": "CASH", "label": "Cash", "sensitive": true, "acknowledgeDays": 2, "respondHours": 240])
            #expect(
                Set(try flip.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["sensitive"],
                "items were stored by the old rule")
            let renamed = try await send(
                .PUT, "/api/v1/feedback-categories/cash",
                [
                    "code": "CASH", "label": "Cash and vouchers", "sensitive": false, "acknowledgeDays": 1,
                    "respondHours": 120,
                ])
            #expect(renamed.status == .ok)
            let item = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.alpha, category: "cash", description: "PIN lost", contact: nil)
            )
            let stored = try #require(
                try await FeedbackItem.find(try item.json(FeedbackAPITests.Item.self).id, on: app.db))
            #expect(
                stored.respondBy.timeIntervalSince(stored.receivedAt) == 120 * 3600, "new items take the new deadline")
        }
    }
}
