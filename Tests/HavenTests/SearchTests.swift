import Foundation
import PropertyBased
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// The search box: each engine's own full-text index, words as prefixes, and each source's rule of who sees what.
@Suite struct SearchTests {
    private func search(_ app: Application, _ world: World, _ q: String, as role: Role = .coordinator) async throws
        -> [String: [SearchResult]]
    {
        let response = try await app.testing().sendRequest(
            .GET, Paths.with("/api/v1/search", ["q": q]), headers: world.headers(role))
        #expect(response.status == .ok)
        let answer = try response.json(SearchAPI.Answer.self)
        return Dictionary(uniqueKeysWithValues: answer.groups.map { ($0.key, $0.results) })
    }

    @Test func sitesAreasOrganisationsAndActivitiesAreFoundByTheStartOfTheirWords() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            #expect(try await search(app, world, "alph")["sites"]?.map(\.title) == ["Alpha camp"])
            #expect(try await search(app, world, "bo0101_0002")["sites"]?.map(\.title) == ["Beta centre"])
            #expect(try await search(app, world, "BO0101")["sites"]?.count == 2, "a code's first part finds its sites")
            #expect(try await search(app, world, "camp alpha")["sites"]?.count == 1, "every word, in any order")
            #expect(try await search(app, world, "camp beta")["sites"] == nil)
            #expect(try await search(app, world, "north one")["areas"]?.map(\.title) == ["North One"])
            #expect(try await search(app, world, "norwegian")["organisations"]?.first?.detail.hasPrefix("NRC") == true)
            let activities = try await search(app, world, "wash")["activities"] ?? []
            #expect(!activities.isEmpty && activities.allSatisfy { $0.link.hasPrefix("/activities?activity=") })
            let link = try #require(activities.first?.link)
            #expect(try await app.testing().sendRequest(.GET, link, headers: world.headers(.viewer)).status == .ok)
        }
    }

    @Test func theIndexFollowsEveryChangeAndArchivedSitesLeaveTheResults() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let before = world.alpha.auditFields
            world.alpha.name = "Kabalé hills"
            try await Audit.update(world.alpha, before: before, by: .commandLine("test"), on: app.db)
            #expect(try await search(app, world, "alpha")["sites"] == nil)
            #expect(try await search(app, world, "kabale")["sites"]?.map(\.title) == ["Kabalé hills"])
            try await Audit.archive(world.beta, by: .commandLine("test"), on: app.db)
            #expect(try await search(app, world, "beta")["sites"] == nil)
        }
    }

    @Test func aComplaintIsFoundByItsReferenceOnlyByThoseWhoMayListIt() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let created = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.alpha, category: "info"))
            #expect(created.status == .created)
            let reference = try created.json(FeedbackAPITests.Item.self).reference
            let sealed = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.alpha, category: "psea"))
            let sealedReference = try sealed.json(FeedbackAPITests.Item.self).reference
            #expect(
                try await search(app, world, sealedReference)["feedback"] == nil, "a sealed case, for focal points only"
            )
            for typed in [reference, reference.lowercased(), String(reference.dropFirst(3))] {
                #expect(try await search(app, world, typed)["feedback"]?.map(\.title) == [reference], "\(typed)")
            }
            #expect(try await search(app, world, reference, as: .viewer)["feedback"] == nil, "viewers read figures")
            #expect(try await search(app, world, String(reference.prefix(8)))["feedback"] == nil, "exact keys only")
        }
    }

    @Test func anyTextIsSafeToSearchOnBothEngines() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            for q in [
                "\"", "*", "a AND", "NEAR(", "x:*", "!&|", "'; DROP TABLE sites; --", "٣ عربي", "",
                String(repeating: "a ", count: 500),
            ] {
                let response = try await app.testing().sendRequest(
                    .GET, Paths.with("/api/v1/search", ["q": q]), headers: world.headers(.viewer))
                #expect(response.status == .ok, "\(q)")
                let page = try await app.testing().sendRequest(
                    .GET, Paths.with(Paths.search, ["q": q]), headers: world.headers(.viewer))
                #expect(page.status == .ok || page.status == .unauthorized, "\(q)")
            }
        }
    }

    @Test func searchWordsAreLettersAndDigitsOnlyWithinBounds() async {
        await propertyCheck(
            input: Gen.oneOf(Gen.character(in: "\u{0}"..."\u{7FF}"), Gen.character(in: " "..."~")).string(of: 0...300)
        ) { text in
            let words = SearchWords(text).words
            #expect(words.count <= 8)
            #expect(words.allSatisfy { !$0.isEmpty && $0.count <= 40 && $0.allSatisfy { $0.isLetter || $0.isNumber } })
        }
        #expect(SearchWords("BO0101_0003 Wame-settlement").words == ["bo0101", "0003", "wame", "settlement"])
        #expect(FeedbackSearch.reference(SearchWords("fb-7kq2m-xr4pa")) == "FB-7KQ2M-XR4PA")
        #expect(FeedbackSearch.reference(SearchWords("7KQ2M XR4PA")) == "FB-7KQ2M-XR4PA")
        #expect(FeedbackSearch.reference(SearchWords("FB-7KQ2M")) == nil)
    }
}
