import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct GapAnalysisTests {
    func site(_ code: String, people: Int, wash: Int?, health: Int?) -> GapAnalysis.SiteScore {
        var sectors: [String: Severity] = [:]
        if let wash { sectors["WASH"] = Severity(rawValue: wash) }
        if let health { sectors["Health"] = Severity(rawValue: health) }
        return GapAnalysis.SiteScore(
            siteID: UUID(), code: code, name: code, type: .plannedCamp, areaPcode: "BO01", population: people,
            conductedOn: "2025-01-01", sectors: sectors, overall: sectors.values.max(), previous: nil, unmet: [],
            coordinates: nil)
    }

    var sites: [GapAnalysis.SiteScore] {
        [
            site("A", people: 5000, wash: 4, health: 2), site("B", people: 800, wash: 2, health: 5),
            site("C", people: 12000, wash: 3, health: nil), site("D", people: 300, wash: 1, health: 1),
            site("E", people: 9000, wash: 4, health: 1),
        ]
    }

    @Test func sitesAreRankedWorstFirstThenByPeople() {
        let (ranked, summary) = GapAnalysis.rank(sites, .init())
        #expect(ranked.map(\.site.code) == ["B", "E", "A", "C", "D"])
        #expect(summary.sitesBySeverity == [1, 0, 1, 2, 1] && summary.peopleBySeverity == [300, 0, 12000, 14000, 800])
        #expect(summary.peopleInNeed == 26800 && summary.peopleAssessed == 27100)
        #expect(summary.areaSeverity == 4, "14,800 of 27,100 people are at 4 or worse")
    }

    @Test func aSectorFilterScoresSitesOnThatSectorAlone() {
        let (ranked, summary) = GapAnalysis.rank(sites, .init(sector: "Health", minimumSeverity: .stress))
        #expect(ranked.map(\.site.code) == ["B", "A"])
        #expect(summary.sitesAssessed == 2 && summary.areaSeverity == 2)
    }

    @Test func everyRankedSiteMeetsTheMinimumAndTotalsAddUp() async {
        await propertyCheck(
            input: Gen.int(in: 0...9000).array(of: 0...25), Gen.int(in: 1...5).array(of: 25), Gen.int(in: 1...5)
        ) { people, phases, minimum in
            let list = zip(people, phases).enumerated().map {
                site("S\($0.offset)", people: $0.element.0, wash: $0.element.1, health: nil)
            }
            let (ranked, summary) = GapAnalysis.rank(list, .init(minimumSeverity: Severity(rawValue: minimum)))
            #expect(ranked.allSatisfy { $0.severity.rawValue >= minimum })
            #expect(summary.sitesBySeverity.reduce(0, +) == ranked.count)
            #expect(summary.peopleAssessed == ranked.map(\.site.population).reduce(0, +))
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.severity >= $1.severity })
        }
    }
}

@Suite struct SectorSeveritiesTests {
    @Test func anySetOfSectorSeveritiesSurvivesStorage() async {
        let sectors = ["WASH", "Shelter", "Site planning", "CCCM", "Food security", "A|B", "x=y"]
        await propertyCheck(input: Gen.int(in: 0...5).array(of: sectors.count)) { values in
            var map: [String: Severity] = [:]
            for (sector, value) in zip(sectors, values) where value > 0 { map[sector] = Severity(rawValue: value) }
            let stored = SectorSeverities.decode(SectorSeverities.encode(map))
            #expect(stored.values.sorted() == map.values.sorted() && stored.count == map.count)
            #expect(stored["WASH"] == map["WASH"] && stored["Site planning"] == map["Site planning"])
        }
        #expect(SectorSeverities.encode(["WASH": .extreme, "CCCM": .minimal]) == "CCCM=1|WASH=4")
    }
}
