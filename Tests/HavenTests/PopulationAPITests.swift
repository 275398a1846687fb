import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct PopulationAPITests {
    func count(
        _ day: String, _ individuals: Int, female: [Int] = [10, 10, 10, 20, 5], male: [Int] = [10, 10, 10, 10, 5]
    ) -> [String: Any] {
        var body: [String: Any] = [
            "countedOn": day, "households": individuals / 5, "individuals": individuals,
            "disaggregated": true, "source": "headcount", "arrivals": 4,
        ]
        for (bracket, (f, m)) in zip(AgeBracket.allCases, zip(female, male)) {
            body["female" + bracket.fieldSuffix] = f
            body["male" + bracket.fieldSuffix] = m
        }
        return body
    }

    @Test func theLatestCountIsTheSitesCurrentPopulation() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let path = "/api/v1/sites/\(world.alpha.id!)/population-counts"
            let h = world.headers(.siteManager)
            let march = try await app.testing().sendRequest(
                .POST, path, headers: h, body: jsonBody(count("2025-03-01", 100)))
            #expect(march.status == .created)
            let april = try await app.testing().sendRequest(
                .POST, path, headers: h,
                body: jsonBody(count("2025-04-01", 110, female: [12, 10, 10, 22, 6], male: [10, 11, 10, 14, 5])))
            #expect(april.status == .created)
            var site = try await Site.find(world.alpha.id, on: app.db)!
            #expect(site.populationIndividuals == 110 && site.populationCountedOn == "2025-04-01")

            let aprilID = try april.json(PopulationCountBody.self).id!
            try await app.testing().test(.POST, "/api/v1/population-counts/\(aprilID)/archive", headers: h) {
                #expect($0.status == .ok)
            }
            site = try await Site.find(world.alpha.id, on: app.db)!
            #expect(site.populationIndividuals == 100 && site.populationCountedOn == "2025-03-01")
            let list = try await app.testing().sendRequest(.GET, path, headers: world.headers(.viewer)).json(
                Envelope<PopulationCountBody>.self)
            #expect(list.items.map(\.countedOn.description) == ["2025-03-01"])
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entityID == aprilID).sort(\.$at).all().map(
                \.action)
            #expect(actions == [.create, .archive])
        }
    }

    @Test func countsThatDoNotAddUpOrLieInTheFutureAreRefused() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let path = "/api/v1/sites/\(world.alpha.id!)/population-counts"
            let h = world.headers(.coordinator)
            let wrongSum = try await app.testing().sendRequest(
                .POST, path, headers: h, body: jsonBody(count("2025-03-01", 120)))
            #expect(wrongSum.status == .unprocessableEntity)
            #expect(try wrongSum.json(ProblemBody.self).errors?.map(\.field) == ["individuals"])
            let future = CalendarDay.today().adding(days: 2).description
            let tomorrow = try await app.testing().sendRequest(
                .POST, path, headers: h, body: jsonBody(count(future, 100)))
            #expect(try tomorrow.json(ProblemBody.self).errors?.map(\.field) == ["countedOn"])
            let beforeOpening = try await app.testing().sendRequest(
                .POST, path, headers: h, body: jsonBody(count("2023-12-01", 100)))
            #expect(
                try beforeOpening.json(ProblemBody.self).errors?.first?.message
                    == "2023-12-01 is before the site opened on 2024-01-15")
            #expect(try await PopulationCount.query(on: app.db).count() == 0)
            #expect(try await Site.find(world.alpha.id, on: app.db)?.populationIndividuals == nil)
        }
    }

    @Test func oneCountPerSiteAndDay() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let path = "/api/v1/sites/\(world.alpha.id!)/population-counts"
            let h = world.headers(.coordinator)
            try await app.testing().test(.POST, path, headers: h, body: jsonBody(count("2025-03-01", 100))) {
                #expect($0.status == .created)
            }
            let again = try await app.testing().sendRequest(
                .POST, path, headers: h, body: jsonBody(count("2025-03-01", 100)))
            #expect(again.status == .unprocessableEntity)
            #expect(try again.json(ProblemBody.self).errors?.first?.field == "countedOn")
        }
    }

    @Test func correctingACountAuditsTheChangedFigures() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let h = world.headers(.coordinator)
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/sites/\(world.alpha.id!)/population-counts", headers: h,
                body: jsonBody(count("2025-03-01", 100))
            ).json(PopulationCountBody.self)
            var corrected = count("2025-03-01", 101, female: [11, 10, 10, 20, 5])
            corrected["arrivals"] = 4
            let response = try await app.testing().sendRequest(
                .PUT, "/api/v1/population-counts/\(created.id!)", headers: h, body: jsonBody(corrected))
            #expect(response.status == .ok)
            let update = try await AuditEvent.query(on: app.db).filter(\.$entityID == created.id!).filter(
                \.$action == .update
            ).first()
            #expect(
                update?.changes == [
                    .init(field: "female0To4", before: "10", after: "11"),
                    .init(field: "individuals", before: "100", after: "101"),
                ])
            #expect(try await Site.find(world.alpha.id, on: app.db)?.populationIndividuals == 101)
        }
    }
}
