import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct SeverityBandsTests {
    let toilets = SeverityBands.standard(.atMost, 20)
    let water = SeverityBands.standard(.atLeast, 15)

    @Test(arguments: [
        (12.0, 1), (20.0, 1), (20.5, 2), (30.0, 2), (31.0, 3), (40.0, 3), (41.0, 4), (60.0, 4), (61.0, 5),
        (Double.infinity, 5),
    ])
    func peoplePerToiletBandsAgainstSphere(value: Double, expected: Int) {
        #expect(toilets.severity(of: value).rawValue == expected)
    }

    @Test(arguments: [
        (20.0, 1), (15.0, 1), (14.9, 2), (11.25, 2), (11.0, 3), (7.5, 3), (7.4, 4), (3.75, 4), (3.7, 5), (0.0, 5),
    ])
    func litresPerPersonBandsAgainstSphere(value: Double, expected: Int) {
        #expect(water.severity(of: value).rawValue == expected)
    }

    @Test func malformedBandsAreExplained() {
        #expect(SeverityBands(comparison: .atMost, cuts: [20, 30, 40]).problem?.contains("four") == true)
        #expect(
            SeverityBands(comparison: .atMost, cuts: [20, 15, 40, 60]).problem
                == "cut points must go up from the standard")
        #expect(
            SeverityBands(comparison: .atLeast, cuts: [15, 20, 5, 1]).problem
                == "cut points must go down from the standard")
        #expect(toilets.problem == nil && water.problem == nil)
    }

    @Test func severityNeverImprovesAsAValueMovesAwayFromTheStandard() async {
        await propertyCheck(input: Gen.double(in: 1...1000), Gen.double(in: 0...5000), Gen.double(in: 0...5000)) {
            standard, a, b in
            let atMost = SeverityBands.standard(.atMost, standard)
            let atLeast = SeverityBands.standard(.atLeast, standard)
            let (low, high) = (min(a, b), max(a, b))
            #expect(atMost.severity(of: low) <= atMost.severity(of: high))
            #expect(atLeast.severity(of: low) >= atLeast.severity(of: high))
            #expect((atMost.severity(of: low) == .minimal) == (low <= standard))
            #expect((atLeast.severity(of: high) == .minimal) == (high >= standard))
        }
    }
}

@Suite struct AreaSeverityTests {
    func sites(_ pairs: [(Int, Int)]) -> [AreaSeverity.Site] {
        pairs.map { AreaSeverity.Site(population: $0.0, severity: Severity(rawValue: $0.1)!) }
    }

    @Test func theHighestPhaseReachedByMoreThanAQuarterOfThePeople() {
        #expect(
            AreaSeverity.of(sites([(1000, 1), (300, 4), (100, 5)])) == .extreme, "400 of 1,400 people are at 4 or worse"
        )
        #expect(AreaSeverity.of(sites([(700, 1), (300, 4)])) == .extreme)
        #expect(AreaSeverity.of(sites([(750, 1), (250, 4)])) == .minimal, "exactly 25% is not more than 25%")
        #expect(AreaSeverity.of(sites([(600, 2), (200, 3), (200, 5)])) == .severe)
        #expect(AreaSeverity.of(sites([(0, 5)])) == nil)
        #expect(AreaSeverity.of([]) == nil)
    }

    @Test func theRuleHoldsForAnyOperation() async {
        await propertyCheck(input: Gen.int(in: 0...20000).array(of: 1...30), Gen.int(in: 1...5).array(of: 30)) {
            populations, phases in
            let pairs = Array(zip(populations, phases))
            let list = sites(pairs)
            let total = pairs.map(\.0).reduce(0, +)
            guard let phase = AreaSeverity.of(list) else {
                #expect(total == 0)
                return
            }
            func share(atOrWorse p: Int) -> Double {
                Double(pairs.filter { $0.1 >= p }.map(\.0).reduce(0, +)) / Double(total)
            }
            if phase > .minimal { #expect(share(atOrWorse: phase.rawValue) > 0.25) }
            if phase < .catastrophic { #expect(share(atOrWorse: phase.rawValue + 1) <= 0.25) }
            #expect(phase <= (list.map(\.severity).max() ?? .minimal))
        }
    }

    @Test func aSiteIsAsBadAsItsWorstSector() {
        #expect(AreaSeverity.overall([.stress, .extreme, .minimal]) == .extreme)
        #expect(AreaSeverity.overall([]) == nil)
    }
}

@Suite struct DerivedIndicatorTests {
    @Test func ratiosUseThePopulationAtTheRoundsDate() {
        #expect(DerivedIndicator.peoplePerToilet.value(population: 4100, inputs: ["WASH-TOILETS": 100]) == 41)
        #expect(DerivedIndicator.peoplePerToilet.value(population: 4100, inputs: ["WASH-TOILETS": 0]) == .infinity)
        #expect(DerivedIndicator.peoplePerToilet.value(population: nil, inputs: ["WASH-TOILETS": 10]) == nil)
        #expect(DerivedIndicator.peoplePerTap.value(population: 500, inputs: [:]) == nil)
        #expect(
            DerivedIndicator.litresPerPersonPerDay.value(population: 1000, inputs: ["WASH-WATER-LITRES": 12000]) == 12)
        #expect(DerivedIndicator.siteAreaPerPerson.value(population: 0, inputs: ["SITE-AREA-TOTAL": 12000]) == nil)
        #expect(
            DerivedIndicator.womenOnCommittee.value(
                population: nil, inputs: ["CCCM-COMMITTEE-MEMBERS": 8, "CCCM-COMMITTEE-WOMEN": 2]) == 25)
    }

    @Test func shortfallsAreSaidInPeoplesTerms() {
        #expect(
            DerivedIndicator.peoplePerToilet.shortfall(population: 4100, inputs: ["WASH-TOILETS": 151], standard: 20)
                == "54 toilets missing")
        #expect(
            DerivedIndicator.peoplePerToilet.shortfall(population: 4000, inputs: ["WASH-TOILETS": 200], standard: 20)
                == nil)
        #expect(
            DerivedIndicator.litresPerPersonPerDay.shortfall(
                population: 1000, inputs: ["WASH-WATER-LITRES": 12000], standard: 15) == "3,000 litres a day short")
        #expect(
            DerivedIndicator.womenOnCommittee.shortfall(
                population: 0, inputs: ["CCCM-COMMITTEE-MEMBERS": 10, "CCCM-COMMITTEE-WOMEN": 2], standard: 50)
                == "3 more women needed on the committee")
        #expect(
            DerivedIndicator.peoplePerTap.shortfall(population: 251, inputs: ["WASH-TAPS": 1], standard: 250)
                == "1 tap missing")
    }
}
