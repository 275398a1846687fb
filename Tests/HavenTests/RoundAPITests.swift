import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct RoundAPITests {
    func count(_ world: World, _ app: Application, people: Int, on day: String) async throws {
        let figures = PopulationFigures(
            countedOn: CalendarDay(day)!, households: people / 5, individuals: people, disaggregated: false,
            source: .estimate)
        _ = try await PopulationRegister.record(figures, for: world.alpha, by: .commandLine("test"), on: app.db)
    }

    func round(_ day: String, toilets: Int, water: String = "inadequate") -> [String: Any] {
        [
            "conductedOn": day, "keyInformants": ["camp leader", "women's representative"],
            "values": ["WASH-TOILETS": toilets, "SMT-SERVICE-WATER": water, "SMT-THREAT-FLOODING": "yes"],
        ]
    }

    @Test func aRoundIsScoredWithThePopulationOfItsDay() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await count(world, app, people: 2000, on: "2025-01-05")
            try await count(world, app, people: 4100, on: "2025-03-05")
            let path = "/api/v1/sites/\(world.alpha.id!)/rounds"
            let feb = try await app.testing().sendRequest(
                .POST, path, headers: world.headers(.siteManager), body: jsonBody(round("2025-02-10", toilets: 100)))
            #expect(feb.status == .created)
            let body = try feb.json(RoundBody.self)
            #expect(body.population == 2000 && body.overallSeverity == 3)
            #expect(body.sectorSeverities == ["WASH": 3, "Site planning": 3])
            #expect(body.keyInformants == ["camp leader", "women's representative"])

            let march = try await app.testing().sendRequest(
                .POST, path, headers: world.headers(.siteManager), body: jsonBody(round("2025-03-10", toilets: 100)))
            let scored = try march.json(RoundBody.self)
            #expect(scored.population == 4100 && scored.overallSeverity == 4)
            #expect(
                scored.unmetStandards.first?.summary
                    == "People per toilet: 41 people/toilet (standard at most 20): 105 toilets missing")
            let latest = try await MonitoringRound.query(on: app.db).filter(\.$latest == true).all()
            #expect(latest.map(\.conductedOn) == ["2025-03-10"])
            let list = try await app.testing().sendRequest(.GET, path, headers: world.headers(.viewer)).json(
                Envelope<RoundBody>.self)
            #expect(list.items.map(\.conductedOn) == ["2025-03-10", "2025-02-10"])
        }
    }

    @Test func badAnswersAreRefusedOneByOneAndNothingIsWritten() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var body = round("2025-02-10", toilets: -3, water: "plenty")
            body["conductedOn"] = CalendarDay.today().adding(days: 3).description
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/sites/\(world.alpha.id!)/rounds", headers: world.headers(.coordinator),
                body: jsonBody(body))
            #expect(response.status == .unprocessableEntity)
            #expect(
                Set(try response.json(ProblemBody.self).errors?.map(\.field) ?? []) == [
                    "values.WASH-TOILETS", "values.SMT-SERVICE-WATER", "conductedOn",
                ])
            #expect(try await MonitoringRound.query(on: app.db).count() == 0)
            let forbidden = try await app.testing().sendRequest(
                .POST, "/api/v1/sites/\(world.beta.id!)/rounds", headers: world.headers(.siteManager),
                body: jsonBody(round("2025-02-10", toilets: 3)))
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func scoresStayReproducibleWhenTheCatalogueChanges() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await count(world, app, people: 4100, on: "2025-01-05")
            let first = try await app.testing().sendRequest(
                .POST, "/api/v1/sites/\(world.alpha.id!)/rounds", headers: world.headers(.coordinator),
                body: jsonBody(round("2025-02-10", toilets: 100))
            ).json(RoundBody.self)
            let latrines = try #require(
                try await Indicator.query(on: app.db).filter(\.$code == "WASH-LATRINE-RATIO").first())
            var edited = IndicatorBody(latrines)
            edited.standard = SeverityBands(comparison: .atMost, cuts: [50, 60, 80, 100])
            try await app.testing().test(
                .PUT, "/api/v1/indicators/\(latrines.id!)", headers: world.headers(.coordinator),
                body: ByteBuffer(data: try JSONEncoder().encode(edited))
            ) { #expect($0.status == .ok) }
            let second = try await app.testing().sendRequest(
                .POST, "/api/v1/sites/\(world.alpha.id!)/rounds", headers: world.headers(.coordinator),
                body: jsonBody(round("2025-02-11", toilets: 100))
            ).json(RoundBody.self)
            #expect(second.catalogueVersion == first.catalogueVersion + 1)
            #expect(first.sectorSeverities["WASH"] == 4 && second.sectorSeverities["WASH"] == 3)

            let stored = try #require(try await MonitoringRound.find(first.id, on: app.db))
            let version = try #require(try await Catalogue.version(stored.catalogueVersion, on: app.db))
            let again = RoundScoring.score(stored.answers, catalogue: version.indicators, population: stored.population)
            #expect(RoundScores(again) == stored.scores, "the recorded version reproduces the stored scores")
        }
    }
}
