import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Feedback as figures: counts anyone may read, with small ones suppressed and nothing said ever shown.
@Suite struct FeedbackFiguresTests {
    struct Cell: Decodable {
        var key: String
        var count: Int?
    }
    struct SiteFigures: Decodable {
        var code: String
        var received: Int?
        var topSector: String?
        var topSectorCount: Int?
    }
    struct Figures: Decodable {
        var received: Int?
        var open: Int?
        var byCategory: [Cell]
        var byChannel: [Cell]
        var sites: [SiteFigures]
        var sitesWithFunctioningMechanism: Int
        var openSites: Int
    }

    @Test func figuresAreCountsWithSmallCellsSuppressed() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            for index in 0..<7 {
                var body = FeedbackAPITests.input(
                    world.alpha, category: "MAJOR", description: "Water point broken \(index)", contact: nil)
                body["sector"] = "WASH"
                #expect(try await FeedbackAPITests.record(app, world, body).status == .created)
            }
            for _ in 0..<2 {
                _ = try await FeedbackAPITests.record(app, world, FeedbackAPITests.input(world.beta, category: "PSEA"))
            }
            for _ in 0..<6 {
                _ = try await FeedbackAPITests.record(
                    app, world,
                    FeedbackAPITests.input(world.beta, category: "INFO", description: "Distribution?", contact: nil))
            }
            _ = try await app.testing().sendRequest(
                .POST, "/api/v1/services", headers: world.headers(.coordinator),
                body: try jsonBody(
                    ServiceDirectoryTests.service(world, site: world.alpha)))

            let response = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/feedback", headers: world.headers(.viewer))
            #expect(response.status == .ok, "figures are for everyone who reads operational data")
            #expect(!response.text.contains("PLANTED") && !response.text.contains("Water point"))
            let figures = try response.json(Figures.self)
            #expect(figures.received == 15 && figures.open == 15)
            #expect(figures.byCategory.map(\.key) == ["MAJOR", "INFO", "PSEA"])
            #expect(
                figures.byCategory.map(\.count) == [7, nil, nil],
                "two PSEA complaints are not shown, nor the cell that would give them away")
            #expect(figures.byChannel.map(\.count) == [15])
            let alpha = try #require(figures.sites.first { $0.code == world.alpha.code })
            #expect(alpha.received == 7 && alpha.topSector == "WASH" && alpha.topSectorCount == 7)
            #expect(
                figures.sitesWithFunctioningMechanism == 1 && figures.openSites == 3,
                "Alpha has feedback and a protection referral point")
            let (viewer, _) = try await WebPageTests().login(app, as: "viewer@test.haven")
            let page = try await app.testing().sendRequest(
                .GET, Paths.complaintFigures.link(), headers: ["cookie": viewer])
            #expect(
                page.status == .ok && page.text.contains("fewer than 5") && page.text.contains("1 of 3")
                    && !page.text.contains("Water point"))
            let bad = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/feedback?from=2026-13", headers: world.headers(.viewer))
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test func talliesFollowEveryChangeAndTheMigrationCountsTheSame() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var ids: [UUID] = []
            for (index, category) in ["MAJOR", "PSEA", "INFO", "THANKS", "MAJOR"].enumerated() {
                var body = FeedbackAPITests.input(
                    index.isMultiple(of: 2) ? world.alpha : world.beta, category: category,
                    receivedAt: Date().addingTimeInterval(-Double(index) * 20 * 86_400))
                body["sector"] = index == 0 ? "WASH" : nil
                ids.append(try await FeedbackAPITests.record(app, world, body).json(FeedbackAPITests.Item.self).id)
            }
            for step: [String: Any] in [
                ["to": "acknowledged"], ["to": "responded", "response": "Repaired"], ["to": "in_progress"],
                ["to": "responded", "response": "Repaired again"], ["to": "closed", "closedVia": "hotline"],
            ] {
                let response = try await app.testing().sendRequest(
                    .POST, "/api/v1/feedback/\(ids[4])/transitions", headers: world.headers(.coordinator),
                    body: try jsonBody(step))
                #expect(response.status == .ok)
            }
            _ = try await app.testing().sendRequest(
                .POST, "/api/v1/feedback/\(ids[2])/transitions", headers: world.headers(.coordinator),
                body: try jsonBody(["to": "referred", "organisationId": world.nrc.id!.uuidString]))
            let items = try await FeedbackItem.query(on: app.db).all()
            let expected = FeedbackTally.total(items.compactMap(\.tallyFacts).map { ($0, 1) })
            #expect(try await Self.storedTallies(app.db) == expected)
            #expect(items.first { $0.id == ids[4] }?.respondedAt != nil, "answered again after it was reopened")
            let list = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback?limit=2", headers: world.headers(.coordinator)
            )
            .json(Envelope<FeedbackAPITests.Item>.self)
            #expect(
                list.total == 4 && list.items.count == 2,
                "the whole list's total, from the counters, without the sensitive case")
            let mine = try await app.testing().sendRequest(
                .GET, "/api/v1/feedback?category=MAJOR", headers: world.headers(.coordinator))
            #expect(try mine.json(Envelope<FeedbackAPITests.Item>.self).total == 2)

            try await app.db.sql.raw("DELETE FROM feedback_tallies").run()
            try await app.db.sql.raw("UPDATE feedback SET late_from = NULL").run()
            try await CountFeedbackByMonth.backfill(on: app.db)
            #expect(try await Self.storedTallies(app.db) == expected)
            let lateFrom = try await FeedbackItem.query(on: app.db).all().map { ($0.id!, $0.lateFrom) }
            #expect(
                lateFrom.allSatisfy { id, late in late == items.first { $0.id == id }!.lateFrom },
                "the migration marks late items as the write path does")
        }
    }

    @Test func feedbackRecordedAtOnceKeepsExactCounters() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let cipher = app.feedbackCipher
            let sites = [world.alpha, world.beta, world.gamma]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let input = FeedbackInput(
                            siteId: sites[index % 3].id!, channel: FeedbackChannel.allCases[index % 5],
                            category: ["MAJOR", "INFO", "GBV", "THANKS"][index % 4],
                            sector: index.isMultiple(of: 2) ? "WASH" : nil,
                            description: "At once \(index)", contact: nil, consentToContact: false, wantsAnswer: true,
                            receivedAt: Date().addingTimeInterval(-Double(index % 3) * 40 * 86_400), sex: nil,
                            ageGroup: nil, disability: nil)
                        _ = try await FeedbackRegister.record(
                            input, at: sites[index % 3], by: .commandLine("test"), cipher: cipher, on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let items = try await FeedbackItem.query(on: app.db).all()
            #expect(items.count == 24)
            #expect(
                try await Self.storedTallies(app.db)
                    == FeedbackTally.total(items.compactMap(\.tallyFacts).map { ($0, 1) }))
        }
    }

    static func storedTallies(_ db: any Database) async throws -> [FeedbackTally.Key: Int] {
        struct Row: Decodable {
            var dimension: String
            var scope: String
            var month: String
            var value: String
            var items: Int
        }
        let rows = try await db.sql.raw(
            "SELECT dimension, scope, month, value, items FROM feedback_tallies WHERE items <> 0"
        ).all(decoding: Row.self)
        return Dictionary(
            uniqueKeysWithValues: rows.map {
                (
                    FeedbackTally.Key(
                        dimension: FeedbackTally.Dimension(rawValue: $0.dimension)!, scope: $0.scope, month: $0.month,
                        key: $0.value), $0.items
                )
            })
    }

    @Test func theExportHoldsNoTextNoContactAndNoSensitiveItem() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            _ = try await FeedbackAPITests.record(app, world, FeedbackAPITests.input(world.alpha, category: "PSEA"))
            _ = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(
                    world.beta, category: "MAJOR", description: "PLANTED latrines", contact: "+211 PLANTED"))
            let viewer = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/feedback.csv", headers: world.headers(.viewer))
            #expect(
                viewer.status == .forbidden, "viewers read the figures, with small counts suppressed, not the items")
            let partner = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/feedback.csv", headers: world.headers(.partner))
            #expect(try CSV.parse(partner.text, limits: TableLimits.csv).count == 2, "IOM's site is not NRC's to list")
            let export = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/feedback.csv", headers: world.headers(.coordinator))
            #expect(export.status == .ok)
            let rows = try CSV.parse(export.text, limits: TableLimits.csv)
            #expect(
                rows.count == 3 && rows[1].first == "#meta+id", "header, hashtags, the one item that is not sensitive")
            #expect(
                rows[2][rows[0].firstIndex(of: "site_code")!] == world.beta.code
                    && rows[2][rows[0].firstIndex(of: "category")!] == "MAJOR")
            #expect(!export.text.contains("PLANTED") && !export.text.contains("PSEA"))
        }
    }

    /// The walk follows the (month, id) index batch after batch: every item once, oldest month first.
    @Test func theExportWalksEveryItemOnceMonthByMonthInSmallBatches() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let months = [-70, -10, -40, -10, -40, -70, -10].map { Date().addingTimeInterval(Double($0) * 86_400) }
            for day in months {
                _ = try await FeedbackAPITests.record(
                    app, world, FeedbackAPITests.input(world.beta, category: "MAJOR", receivedAt: day))
            }
            let coordinator = try #require(
                try await CurrentUserMiddleware.context(of: world.users[.coordinator]!, on: app.db))
            var seen: [FeedbackExport.Row] = []
            try await FeedbackExport.eachBatch(
                FeedbackFilter(user: coordinator), from: ReportingMonth(CalendarDay.today()).adding(months: -6),
                to: ReportingMonth(CalendarDay.today()), batchSize: 2, on: app.db
            ) { seen += $0 }
            #expect(seen.count == months.count && Set(seen.map(\.id)).count == months.count)
            #expect(seen.map(\.receivedMonth) == seen.map(\.receivedMonth).sorted())
        }
    }
}
