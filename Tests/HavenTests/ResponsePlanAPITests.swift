import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

@Suite struct ResponsePlanAPITests {
    struct Target: Decodable {
        var id: UUID
        var sector: String
        var activity: String?
        var adminArea: String?
        var people: Int
        var archived: Bool
    }
    struct Part: Decodable {
        var key: String
        var label: String
        var reached: Int
    }
    struct Progress: Decodable {
        var target: Target
        var reached: Int
        var targetedByPartners: Int
        var percent: Double
        var parts: [Part]
    }

    static let year = CalendarDay.today().year
    static let month = ActivityAPITests.month

    static func target(_ extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "sector": "WASH", "fromMonth": month, "toMonth": month, "people": 400,
            "indicator": "People with safe water",
        ]
        body.merge(extra) { _, new in new }
        return body
    }

    /// Two organisations' WASH lines this month in the north and a health line that must not count.
    static func report(_ app: Application, _ world: World) async throws {
        for (org, site, activity, reached) in [
            (world.nrc, world.alpha, "WASH-01", 60), (world.iom, world.beta, "WASH-03", 40),
            (world.nrc, world.alpha, "HLT-01", 999),
        ] {
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/activities", headers: world.headers(.coordinator),
                body: try jsonBody(
                    ActivityAPITests.line(world, org: org, site: site, activity: activity, reached: ["total": reached]))
            )
            #expect(response.status == .created)
        }
    }

    @Test func coordinatorsSetTargetsAndEveryoneReadsProgress() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await Self.report(app, world)
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/targets", headers: world.headers(.coordinator), body: try jsonBody(Self.target()))
            #expect(created.status == .created)
            let target = try created.json(Target.self)
            let north = try await app.testing().sendRequest(
                .POST, "/api/v1/targets", headers: world.headers(.coordinator),
                body: try jsonBody(Self.target(["activity": "wash-01", "adminArea": "bo01", "people": 50])))
            #expect(
                try north.json(Target.self).activity == "WASH-01" && (try north.json(Target.self).adminArea) == "BO01")
            for role in [Role.partner, .siteManager, .viewer] {
                let refused = try await app.testing().sendRequest(
                    .POST, "/api/v1/targets", headers: world.headers(role),
                    body: try jsonBody(Self.target(["people": 9])))
                #expect(refused.status == .forbidden, "\(role)")
            }
            let twin = try await app.testing().sendRequest(
                .POST, "/api/v1/targets", headers: world.headers(.coordinator),
                body: try jsonBody(Self.target(["people": 9])))
            #expect(twin.status == .conflict, "one figure per scope and period")

            let progress = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/progress?by=organisation", headers: world.headers(.viewer)
            )
            .json(Envelope<Progress>.self)
            #expect(progress.total == 2)
            let whole = try #require(progress.items.first { $0.target.id == target.id })
            #expect(
                whole.reached == 100 && whole.percent == 25 && whole.targetedByPartners == 200,
                "health reach does not count toward WASH")
            #expect(
                whole.parts.map(\.label).sorted() == ["IOM", "NRC"] && whole.parts.map(\.reached).reduce(0, +) == 100)
            let activity = try #require(progress.items.first { $0.target.activity == "WASH-01" })
            #expect(activity.reached == 60 && activity.percent == 120)

            let bySite = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/progress?by=site&sector=WASH", headers: world.headers(.partner)
            )
            .json(Envelope<Progress>.self)
            #expect(Set(bySite.items.flatMap { $0.parts.map(\.label) }) == ["BO0101_0001", "BO0101_0002"])
            let badBy = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/progress?by=donor", headers: world.headers(.viewer))
            #expect(badBy.status == .unprocessableEntity)

            let archived = try await app.testing().sendRequest(
                .POST, "/api/v1/targets/\(target.id)/archive", headers: world.headers(.coordinator))
            #expect(try archived.json(Target.self).archived)
            let remaining = try await app.testing().sendRequest(
                .GET, "/api/v1/targets", headers: world.headers(.viewer)
            ).json(Envelope<Target>.self)
            #expect(remaining.total == 1)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == ResponseTarget.auditEntity).all()
                .map(\.action)
            #expect(trail.filter { $0 == .create }.count == 2 && trail.contains(.archive))
        }
    }

    @Test func badTargetsAreRefusedWithEveryReasonAndNothingWritten() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let body = Self.target([
                "sector": "WASH", "activity": "HLT-01", "adminArea": "ZZ99", "people": -3,
                "fromMonth": "\(Self.year)-05", "toMonth": "\(Self.year)-04",
            ])
            let refused = try await app.testing().sendRequest(
                .POST, "/api/v1/targets", headers: world.headers(.coordinator), body: try jsonBody(body))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                Set(try refused.json(ProblemBody.self).errors?.map(\.field) ?? []) == [
                    "activity", "adminArea", "people", "toMonth",
                ])
            #expect(try await ResponseTarget.query(on: app.db).count() == 0)
        }
    }

    @Test func presenceShowsWhoWorksInEachSiteAndArea() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await Self.report(app, world)
            let last = ReportingMonth(CalendarDay.today()).adding(months: -1).description
            let earlier = try await app.testing().sendRequest(
                .POST, "/api/v1/activities", headers: world.headers(.coordinator),
                body: try jsonBody(
                    ActivityAPITests.line(
                        world, org: world.iom, site: world.gamma, activity: "PRT-01", extra: ["month": last])))
            #expect(earlier.status == .created)
            struct Site: Decodable {
                var code: String
                var sectors: [String: [UUID]]
            }
            struct Area: Decodable {
                var pcode: String
                var organisations: Int
                var sectors: [String]
            }
            let sites = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/presence?month=\(Self.month)", headers: world.headers(.viewer)
            )
            .json(Envelope<Site>.self)
            #expect(
                sites.items.map(\.code) == ["BO0101_0001", "BO0101_0002"],
                "last month's open-ended line says nothing of this month")
            #expect(sites.items[0].sectors == ["WASH": [world.nrc.id!], "Health": [world.nrc.id!]])
            let areas = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/presence/areas?month=\(Self.month)&level=2", headers: world.headers(.viewer)
            )
            .json(Envelope<Area>.self)
            #expect(
                areas.items.map(\.pcode) == ["BO0101"] && areas.items[0].organisations == 2
                    && areas.items[0].sectors == ["Health", "WASH"])
            let wash = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/presence/areas?sector=Health&level=1", headers: world.headers(.viewer)
            )
            .json(Envelope<Area>.self)
            #expect(wash.items.map(\.pcode) == ["BO01"] && wash.items[0].organisations == 1)
            let badLevel = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/presence/areas?level=9", headers: world.headers(.viewer))
            #expect(badLevel.status == .unprocessableEntity)
        }
    }

    @Test func coordinatorsAdaptTheActivityCatalogue() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            struct ActivityType: Decodable {
                var id: UUID
                var code: String
                var sector: String
                var name: String
                var archived: Bool
            }
            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/activity-types", headers: world.headers(.coordinator),
                body: try jsonBody(["code": "wash-08", "sector": "WASH", "name": "Desludging"]))
            #expect(added.status == .created)
            let type = try added.json(ActivityType.self)
            #expect(type.code == "WASH-08")
            let partner = try await app.testing().sendRequest(
                .POST, "/api/v1/activity-types", headers: world.headers(.partner),
                body: try jsonBody(["code": "X-1", "sector": "WASH", "name": "x"]))
            #expect(partner.status == .forbidden)
            let twin = try await app.testing().sendRequest(
                .POST, "/api/v1/activity-types", headers: world.headers(.coordinator),
                body: try jsonBody(["code": "WASH-01", "sector": "Logistics", "name": ""]))
            #expect(Set(try twin.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["code", "sector", "name"])
            let recode = try await app.testing().sendRequest(
                .PUT, "/api/v1/activity-types/\(type.id)", headers: world.headers(.coordinator),
                body: try jsonBody(["code": "WASH-09", "sector": "WASH", "name": "Desludging"]))
            #expect(recode.status == .unprocessableEntity, "5W lines carry the code")
            let renamed = try await app.testing().sendRequest(
                .PUT, "/api/v1/activity-types/\(type.id)", headers: world.headers(.coordinator),
                body: try jsonBody(["code": "WASH-08", "sector": "WASH", "name": "Latrine desludging"]))
            #expect(try renamed.json(ActivityType.self).name == "Latrine desludging")
            _ = try await app.testing().sendRequest(
                .POST, "/api/v1/activity-types/\(type.id)/archive", headers: world.headers(.coordinator))
            let line = try await app.testing().sendRequest(
                .POST, "/api/v1/activities", headers: world.headers(.coordinator),
                body: try jsonBody(ActivityAPITests.line(world, activity: "WASH-08")))
            #expect(line.status == .unprocessableEntity, "an archived activity takes no new reports")
            let list = try await app.testing().sendRequest(
                .GET, "/api/v1/activity-types?sector=WASH", headers: world.headers(.viewer)
            ).json(Envelope<ActivityType>.self)
            #expect(list.total == 7 && !list.items.contains { $0.code == "WASH-08" })
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == type.id).sort(\.$at).all().map(
                \.action)
            #expect(trail == [.create, .update, .archive])
        }
    }

    @Test func aPartnersTemplateCarriesItsOngoingLinesIntoTheMonthAndImportsBackClean() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let last = ReportingMonth(CalendarDay.today()).adding(months: -1).description
            for (activity, status) in [("WASH-01", "ongoing"), ("WASH-03", "planned"), ("WASH-05", "cancelled")] {
                let body = ActivityAPITests.line(
                    world, activity: activity, reached: status == "ongoing" ? ["total": 60] : ["total": 0],
                    extra: ["month": last, "status": status])
                let response = try await app.testing().sendRequest(
                    .POST, "/api/v1/activities", headers: world.headers(.partner), body: try jsonBody(body))
                #expect(response.status == .created)
            }
            let file = try await app.testing().sendRequest(
                .GET, "/activities/organisations/\(world.nrc.id!)/template.xlsx?month=\(Self.month)",
                headers: world.headers(.partner))
            #expect(file.status == .ok)
            let data = Data(buffer: file.body)
            let rows = try Workbook.rows(data)
            #expect(rows.count == 4, "header, hashtags, the ongoing and the planned line")
            let month = try #require(rows[0].firstIndex(of: rows[0].first { $0.contains("month") } ?? ""))
            // The month is a real date in the workbook (its first day, shown as a month), as the reader sees it.
            #expect(rows[2][month] == "\(Self.month)-01" && rows[3][month] == "\(Self.month)-01")
            let partner = try #require(try await CurrentUserMiddleware.user(id: world.users[.partner]!.id!, on: app.db))
            let preview = try await Imports.preview(
                .activities, text: try Table.csvText(of: data), user: partner, on: app.db)
            #expect(preview.errors.isEmpty && preview.creates == 2, "\(preview.errors)")
            let foreign = try await app.testing().sendRequest(
                .GET, "/activities/organisations/\(world.iom.id!)/template.xlsx", headers: world.headers(.partner))
            #expect(foreign.status == .notFound, "partners see their own organisation's reporting only")
        }
    }
}
