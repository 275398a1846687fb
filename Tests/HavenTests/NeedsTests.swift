import Fluent
import Foundation
import PropertyBased
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// The needs figures for the HNO: plain functions against a direct computation, and the query against the
/// records on both engines.
@Suite struct NeedsTests {
    @Test func areaFiguresAreWhatAddingTheSitesUpGives() async {
        let areas = (0..<3).map { _ in UUID() }
        let site = zip(
            Gen.int(in: 0...2), Gen.int(in: -5...20_000), Gen.int(in: 0...5), Gen.int(in: 1...5), Gen.int(in: 1...5)
        ).map { area, people, overall, wash, shelter in
            NeedsFigures.Site(
                area: areas[area], people: people, overall: Severity(rawValue: overall),
                sectors: overall == 0
                    ? [:] : ["WASH": Severity(rawValue: wash)!, "Shelter": Severity(rawValue: shelter)!],
                assessedOn: overall == 0 ? nil : CalendarDay("2026-10-01")!.adding(days: people % 30))
        }
        await propertyCheck(input: site.array(of: 0...25)) { sites in
            let figures = NeedsFigures.byArea(sites) { $0 }
            for (id, area) in figures {
                let mine = sites.filter { $0.area == id }
                let assessed = mine.filter { $0.overall != nil }
                #expect(area.sites == mine.count && area.assessedSites == assessed.count)
                #expect(area.people == mine.map { max($0.people, 0) }.reduce(0, +))
                #expect(
                    area.inNeed == assessed.filter { $0.overall! >= .severe }.map { max($0.people, 0) }.reduce(0, +))
                for sector in ["WASH", "Shelter"] where !assessed.isEmpty {
                    let direct = assessed.filter { ($0.sectors[sector] ?? .minimal) >= .severe }
                        .map { max($0.people, 0) }.reduce(0, +)
                    #expect(area.inNeedBySector[sector] == direct, "\(sector)")
                }
                #expect(area.firstAssessed == assessed.compactMap(\.assessedOn).min())
                // The 25% rule, worked out the long way: the worst phase with more than a quarter at it or worse.
                let total = assessed.map { max($0.people, 0) }.reduce(0, +)
                let expected: Severity? =
                    total == 0
                    ? nil
                    : Severity.allCases.reversed().first { phase in
                        Double(assessed.filter { $0.overall! >= phase }.map { max($0.people, 0) }.reduce(0, +))
                            > 0.25 * Double(total)
                    } ?? .minimal
                #expect(area.severity == expected)
            }
            #expect(figures.count == Set(sites.map(\.area)).count)
        }
    }

    @Test func theFiguresReadTheLatestCountsAndRoundsOfOpenSitesByArea() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await world.recordWASHNeed(at: world.alpha, on: app.db)
            try await world.recordWASHNeed(at: world.gamma, on: app.db)
            let answer = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/needs?level=1", headers: world.headers(.viewer))
            #expect(answer.status == .ok)
            let areas = try answer.json(NeedsAPI.Answer.self).areas
            let north = try #require(areas.first { $0.pcode == "BO01" })
            #expect(north.sites == 2 && north.assessedSites == 1 && north.people == 4100 && north.inNeed == 4100)
            #expect(north.severity == 4 && north.inNeedBySector["WASH"] == 4100)
            #expect(areas.map(\.pcode) == ["BO01", "BO02"])
            let districts = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/needs?level=2&adminArea=north", headers: world.headers(.viewer))
            #expect(try districts.json(NeedsAPI.Answer.self).areas.map(\.pcode) == ["BO0101"])
            let bad = try await app.testing().sendRequest(
                .GET, "/api/v1/analysis/needs?level=9", headers: world.headers(.viewer))
            #expect(bad.status == .unprocessableEntity)
            let page = try await app.testing().sendRequest(.GET, "/needs", headers: world.headers(.viewer))
            #expect(page.status == .ok && page.text.contains("North") && page.text.contains("Method"))
            let csv = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/needs.csv", headers: world.headers(.viewer))
            let rows = try CSV.parse(csv.text, limits: TableLimits.csv).filter { $0 != [""] }
            let inNeed = try #require(rows[1].firstIndex(of: "#inneed+idps"))
            let sector = try #require(rows[1].firstIndex(of: "#sector"))
            #expect(rows.contains { $0[0] == "BO01" && $0[sector] == "WASH" && $0[inNeed] == "4100" })
        }
    }
}
