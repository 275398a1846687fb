import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct GapAnalysisAPITests {
    struct Body: Decodable {
        struct Item: Decodable {
            var code: String
            var severity: Int
            var population: Int
            var unmetStandards: [String]
            var previousSeverity: Int?
        }
        var items: [Item]
        var total: Int
        var limit: Int
        var offset: Int
        var summary: GapAnalysis.Summary
    }

    @Test func theWorstSitesComeFirstWithTheirUnmetStandards() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let actor = Actor.commandLine("test")
            let catalogue = try await Catalogue.current(on: app.db)
            for (site, people, toilets, health) in [
                (world.alpha, 4100, 100, "adequate"), (world.beta, 900, 60, "non_existent"),
                (world.gamma, 3000, 200, "adequate"),
            ] {
                _ = try await PopulationRegister.record(
                    PopulationFigures(
                        countedOn: CalendarDay("2025-01-05")!, households: people / 5,
                        individuals: people, disaggregated: false, source: .headcount), for: site, by: actor, on: app.db
                )
                _ = try await RoundRegister.record(
                    RoundInput(
                        conductedOn: CalendarDay("2025-01-20")!, keyInformants: ["camp leader"],
                        values: ["WASH-TOILETS": .number(Double(toilets)), "SMT-SERVICE-HEALTH": .text(health)]),
                    for: RoundSite(site), catalogue: catalogue, source: .api, by: actor, on: app.db)
            }
            _ = try await RoundRegister.record(
                RoundInput(
                    conductedOn: CalendarDay("2024-12-20")!, keyInformants: [],
                    values: ["SMT-SERVICE-HEALTH": .text("adequate")]), for: RoundSite(world.beta),
                catalogue: catalogue, source: .api, by: actor, on: app.db)
            let all = try await app.testing().sendRequest(.GET, "/api/v1/gap-analysis", headers: world.headers(.viewer))
                .json(Body.self)
            #expect(all.items.map(\.previousSeverity) == [nil, 1, nil], "beta was at 1 in December, 4 in January")
            #expect(
                all.items.map(\.code) == ["BO0101_0001", "BO0101_0002", "BO0201_0001"],
                "equal severity: more people first")
            #expect(all.items.map(\.severity) == [4, 4, 1])
            #expect(
                all.items[0].unmetStandards == [
                    "People per toilet: 41 people/toilet (standard at most 20): 105 toilets missing"
                ])
            #expect(
                all.summary.peopleInNeed == 5000 && all.summary.sitesBySeverity == [1, 0, 0, 2, 0]
                    && all.summary.areaSeverity == 4)

            let wash = try await app.testing().sendRequest(
                .GET, "/api/v1/gap-analysis?sector=WASH&minSeverity=3&adminArea=BO01",
                headers: world.headers(.viewer)
            ).json(Body.self)
            #expect(wash.items.map(\.code) == ["BO0101_0001"] && wash.total == 1)
            let paged = try await app.testing().sendRequest(
                .GET, "/api/v1/gap-analysis?limit=1&offset=1", headers: world.headers(.viewer)
            ).json(Body.self)
            #expect(paged.items.map(\.code) == ["BO0101_0002"] && paged.total == 3 && paged.limit == 1)
            try await app.testing().test(.GET, "/api/v1/gap-analysis?minSeverity=9", headers: world.headers(.viewer)) {
                #expect($0.status == .unprocessableEntity)
            }
        }
    }
}
