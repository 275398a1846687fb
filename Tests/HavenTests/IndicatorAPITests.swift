import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct IndicatorCatalogueTests {
    @Test func theSeedCatalogueIsWellFormed() {
        let codes = IndicatorSeed.entries.map(\.code)
        #expect(Set(codes).count == codes.count)
        for entry in IndicatorSeed.entries {
            #expect(IndicatorRules.validate(entry.body).isEmpty, "\(entry.code)")
            #expect((entry.type == .derived) == (entry.derived != nil), "\(entry.code)")
            for input in entry.derived?.inputs ?? [] { #expect(codes.contains(input), "\(entry.code) needs \(input)") }
        }
    }

    @Test func theCatalogueIsSeededAndListedBySector() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let all = try await app.testing().sendRequest(
                .GET, "/api/v1/indicators?limit=500", headers: world.headers(.viewer)
            ).json(Envelope<IndicatorBody>.self)
            #expect(all.total == IndicatorSeed.entries.count && all.items.first?.code == "WASH-TOILETS")
            let latrines = try #require(all.items.first { $0.code == "WASH-LATRINE-RATIO" })
            #expect(
                latrines.standard == SeverityBands(comparison: .atMost, cuts: [20, 30, 40, 60])
                    && latrines.derived == .peoplePerToilet)
            let shelter = try await app.testing().sendRequest(
                .GET, "/api/v1/indicators?sector=Shelter", headers: world.headers(.viewer)
            ).json(Envelope<IndicatorBody>.self)
            #expect(Set(shelter.items.map(\.sector)) == ["Shelter"] && shelter.total == 3)
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$entity == "indicator").count()
                    == IndicatorSeed.entries.count)
        }
    }

    @Test func coordinatorsAdaptStandardsAndEveryChangeIsAudited() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let latrines = try #require(
                try await Indicator.query(on: app.db).filter(\.$code == "WASH-LATRINE-RATIO").first())
            var body = IndicatorBody(latrines)
            body.standard = SeverityBands(comparison: .atMost, cuts: [50, 60, 80, 100])
            let path = "/api/v1/indicators/\(latrines.id!)"
            let viewer = try await app.testing().sendRequest(
                .PUT, path, headers: world.headers(.viewer), body: ByteBuffer(data: try JSONEncoder().encode(body)))
            #expect(viewer.status == .forbidden)
            let saved = try await app.testing().sendRequest(
                .PUT, path, headers: world.headers(.coordinator), body: ByteBuffer(data: try JSONEncoder().encode(body))
            )
            #expect(try saved.json(IndicatorBody.self).standard?.threshold == 50)
            let event = try await AuditEvent.query(on: app.db).filter(\.$entityID == latrines.id!).filter(
                \.$action == .update
            ).first()
            #expect(event?.actorLabel == "coordinator@test.haven" && event?.changes.map(\.field) == ["bands"])

            body.standard = SeverityBands(comparison: .atMost, cuts: [50, 40, 80, 100])
            body.code = "WASH-OTHER"
            let refused = try await app.testing().sendRequest(
                .PUT, path, headers: world.headers(.coordinator), body: ByteBuffer(data: try JSONEncoder().encode(body))
            )
            #expect(Set(try refused.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["standard", "code"])
            #expect(try await Indicator.find(latrines.id, on: app.db)?.bands?.cuts == [50, 60, 80, 100])
        }
    }
}
