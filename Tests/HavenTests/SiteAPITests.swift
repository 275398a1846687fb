import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct SiteAPITests {
    func siteJSON(_ world: World, code: String = "BO0101_0099", name: String = "Delta camp") -> [String: Any] {
        [
            "code": code, "name": name, "type": "planned_camp", "status": "open",
            "adminAreaId": world.northDistrict.id!.uuidString,
            "latitude": 2.25, "longitude": 31.75, "openedOn": "2024-03-01", "capacityIndividuals": 1500,
        ]
    }

    @Test func anonymousCallsAreRefusedWith401() async throws {
        try await withHaven { app in
            for path in [
                "/api/v1/sites", "/api/v1/admin-areas", "/api/v1/organisations", "/api/v1/users",
                "/api/v1/audit-events",
            ] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .unauthorized, "\(path)")
                    #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                }
            }
        }
    }

    @Test func creatingASiteRecordsItsAuditEventAndStatusHistory() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/sites", headers: world.headers(.coordinator), body: jsonBody(siteJSON(world)))
            #expect(response.status == .created)
            let site = try response.json(SiteBody.self)
            #expect(site.code == "BO0101_0099" && site.status == .open && site.latitude == 2.25)
            let events = try await AuditEvent.query(on: app.db).filter(\.$entityID == site.id).all()
            #expect(events.count == 1)
            #expect(events.first?.action == .create && events.first?.actorLabel == "coordinator@test.haven")
            #expect(events.first?.changes.contains(.init(field: "name", before: nil, after: "Delta camp")) == true)
            let history = try await SiteStatusChange.query(on: app.db).filter(\.$site.$id == site.id).all()
            #expect(history.map(\.status) == [.open] && history.first?.changedOn == "2024-03-01")
        }
    }

    @Test func invalidInputIsRefusedFieldByFieldAndWritesNothing() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var body = siteJSON(world, code: "BO0101_0001")
            body["latitude"] = 95
            body["name"] = " "
            let sitesBefore = try await Site.query(on: app.db).count()
            let eventsBefore = try await AuditEvent.query(on: app.db).count()
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/sites", headers: world.headers(.administrator), body: jsonBody(body))
            #expect(response.status == .unprocessableEntity)
            let problem = try response.json(ProblemBody.self)
            #expect(problem.status == 422)
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["name", "latitude", "code"])
            #expect(
                problem.errors?.first { $0.field == "code" }?.message == "BO0101_0001 is already used by Alpha camp")
            #expect(try await Site.query(on: app.db).count() == sitesBefore)
            #expect(try await AuditEvent.query(on: app.db).count() == eventsBefore)
        }
    }

    @Test func malformedJSONGetsAPlainExplanation() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var body = siteJSON(world)
            body["type"] = "palace"
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/sites", headers: world.headers(.administrator), body: jsonBody(body))
            #expect(response.status == .badRequest)
            #expect(try response.json(ProblemBody.self).detail.contains("type"))
        }
    }

    @Test func whatAClientReadsItCanWriteBackUnchanged() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let path = "/api/v1/sites/\(world.alpha.id!)"
            let read = try await app.testing().sendRequest(.GET, path, headers: world.headers(.coordinator))
            let eventsBefore = try await AuditEvent.query(on: app.db).count()
            let put = try await app.testing().sendRequest(
                .PUT, path, headers: world.headers(.coordinator), body: read.body)
            #expect(put.status == .ok)
            #expect(try await AuditEvent.query(on: app.db).count() == eventsBefore)

            var edited = try JSONSerialization.jsonObject(with: Data(buffer: read.body)) as! [String: Any]
            edited["name"] = "Alpha camp extension"
            edited["status"] = "closing"
            edited["statusDate"] = "2025-01-10"
            let changed = try await app.testing().sendRequest(
                .PUT, path, headers: world.headers(.coordinator), body: jsonBody(edited))
            #expect(try changed.json(SiteBody.self).name == "Alpha camp extension")
            let event = try await AuditEvent.query(on: app.db).filter(\.$entityID == world.alpha.id!).filter(
                \.$action == .update
            ).first()
            #expect(
                event?.changes == [
                    .init(field: "name", before: "Alpha camp", after: "Alpha camp extension"),
                    .init(field: "status", before: "open", after: "closing"),
                ])
            let history = try await SiteStatusChange.query(on: app.db).filter(\.$site.$id == world.alpha.id!).sort(
                \.$changedOn
            ).all()
            #expect(history.map(\.status) == [.open, .closing] && history.last?.changedOn == "2025-01-10")
        }
    }

    @Test func archivedSitesLeaveListsAndComeBackOnRestore() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let h = world.headers(.coordinator)
            try await app.testing().test(.POST, "/api/v1/sites/\(world.beta.id!)/archive", headers: h) {
                #expect($0.status == .ok)
            }
            let list = try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: h).json(
                Envelope<SiteBody>.self)
            #expect(list.total == 2 && !list.items.contains { $0.id == world.beta.id })
            let archived = try await app.testing().sendRequest(.GET, "/api/v1/sites?archived=true", headers: h).json(
                Envelope<SiteBody>.self)
            #expect(archived.items.map(\.code) == ["BO0101_0002"])
            try await app.testing().test(.POST, "/api/v1/sites/\(world.beta.id!)/restore", headers: h) {
                #expect($0.status == .ok)
            }
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entityID == world.beta.id!).sort(\.$at).all()
                .map(\.action)
            #expect(actions == [.create, .archive, .restore])
            #expect(try await Site.find(world.beta.id, on: app.db)?.archivedAt == nil)
        }
    }

    @Test func listsPageFilterAndSearch() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let h = world.headers(.viewer)
            let first = try await app.testing().sendRequest(.GET, "/api/v1/sites?limit=2&offset=0", headers: h).json(
                Envelope<SiteBody>.self)
            let second = try await app.testing().sendRequest(.GET, "/api/v1/sites?limit=2&offset=2", headers: h).json(
                Envelope<SiteBody>.self)
            #expect(first.total == 3 && first.limit == 2 && first.offset == 0 && first.items.count == 2)
            #expect(second.items.map(\.code) == ["BO0201_0001"])
            let north = try await app.testing().sendRequest(.GET, "/api/v1/sites?adminArea=BO01", headers: h).json(
                Envelope<SiteBody>.self)
            #expect(north.items.map(\.code) == ["BO0101_0001", "BO0101_0002"])
            let byID = try await app.testing().sendRequest(
                .GET, "/api/v1/sites?adminArea=\(world.country.id!)", headers: h
            ).json(Envelope<SiteBody>.self)
            #expect(byID.total == 3)
            let search = try await app.testing().sendRequest(.GET, "/api/v1/sites?q=BETA", headers: h).json(
                Envelope<SiteBody>.self)
            #expect(search.items.map(\.name) == ["Beta centre"])
            // _ and % are letters in a search, not LIKE's wildcards ("et_" would otherwise find "Beta").
            for text in ["et_", "%25", "B%25a"] {
                let literal = try await app.testing().sendRequest(.GET, "/api/v1/sites?q=\(text)", headers: h).json(
                    Envelope<SiteBody>.self)
                #expect(literal.total == 0, "\(text)")
            }
            let typed = try await app.testing().sendRequest(
                .GET, "/api/v1/sites?type=informal_settlement&status=open", headers: h
            ).json(Envelope<SiteBody>.self)
            #expect(typed.items.map(\.code) == ["BO0201_0001"])
            try await app.testing().test(.GET, "/api/v1/sites?adminArea=XX99", headers: h) {
                #expect($0.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, "/api/v1/sites?limit=ten", headers: h) {
                #expect($0.status == .unprocessableEntity)
            }
            let capped = try await app.testing().sendRequest(.GET, "/api/v1/sites?limit=100000", headers: h).json(
                Envelope<SiteBody>.self)
            #expect(capped.limit == PageRequest.maxLimit)
        }
    }

    @Test func unknownAndMalformedIdsAre404() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            for path in [
                "/api/v1/sites/\(UUID())", "/api/v1/sites/not-an-id", "/api/v1/population-counts/\(UUID())",
                "/api/v1/admin-areas/\(UUID())", "/api/v1/organisations/123",
                "/api/v1/sites/\(UUID())/population-counts",
            ] {
                try await app.testing().test(.GET, path, headers: world.headers(.administrator)) { res in
                    #expect(res.status == .notFound, "\(path)")
                }
            }
        }
    }
}

@Suite struct SiteGeoJSONTests {
    struct Collection: Decodable {
        struct Feature: Decodable {
            struct Geometry: Decodable {
                var type: String
                var coordinates: [Double]
            }
            var geometry: Geometry
            var properties: [String: JSONValue]
        }
        var type: String
        var features: [Feature]
    }

    enum JSONValue: Decodable, Equatable {
        case text(String)
        case number(Double)
        case null
        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try value.decode(String.self))
            }
        }
    }

    @Test func sitesBecomePointsWithTheirPopulationAndSeverity() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let actor = Actor.commandLine("test")
            _ = try await PopulationRegister.record(
                PopulationFigures(
                    countedOn: CalendarDay("2025-01-05")!, households: 100, individuals: 480,
                    disaggregated: false, source: .headcount), for: world.alpha, by: actor, on: app.db)
            _ = try await RoundRegister.record(
                RoundInput(
                    conductedOn: CalendarDay("2025-01-20")!, keyInformants: [], values: ["WASH-TOILETS": .number(5)]),
                for: RoundSite(world.alpha), catalogue: try await Catalogue.current(on: app.db), source: .api,
                by: actor, on: app.db)
            let response = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/sites.geojson", headers: world.headers(.viewer))
            #expect(response.headers.contentType?.subType == "geo+json")
            let collection = try JSONDecoder().decode(Collection.self, from: Data(response.body.string.utf8))
            let sites = try await Site.query(on: app.db).filter(\.$latitude != nil).count()
            #expect(collection.type == "FeatureCollection" && collection.features.count == sites && sites > 0)
            let alpha = try #require(collection.features.first { $0.properties["code"] == .text("BO0101_0001") })
            #expect(
                alpha.geometry.type == "Point"
                    && alpha.geometry.coordinates == [world.alpha.longitude!, world.alpha.latitude!])
            #expect(
                alpha.properties["population"] == .number(480) && alpha.properties["severity"] == .number(5)
                    && alpha.properties["managementAgency"] == .text("Norwegian Refugee Council"))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/exports/sites.geojson").status == .unauthorized)
        }
    }
}
