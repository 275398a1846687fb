import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct RoundScoringTests {
    let catalogue = IndicatorSeed.entries.map(\.body)

    @Test func answersAreCheckedAgainstTheirIndicatorsType() {
        let errors = RoundScoring.validate(
            [
                "WASH-TOILETS": .number(12.5), "WASH-TAPS": .number(-1), "WASH-LATRINE-ACCESSIBLE": .number(120),
                "SMT-SERVICE-WATER": .text("good"), "SMT-THREAT-FIRE": .number(1), "WASH-LATRINE-RATIO": .number(20),
                "NOT-A-CODE": .number(1), "WASH-WATER-DIST": .text("far"),
            ], catalogue: catalogue)
        #expect(
            errors == [
                FieldError("values.NOT-A-CODE", "is not an indicator of the catalogue"),
                FieldError("values.SMT-SERVICE-WATER", "must be one of adequate, inadequate, non_existent"),
                FieldError("values.SMT-THREAT-FIRE", "must be one of yes, no"),
                FieldError("values.WASH-LATRINE-ACCESSIBLE", "is a percentage: 0 to 100"),
                FieldError("values.WASH-LATRINE-RATIO", "is computed by Haven from WASH-TOILETS; send those instead"),
                FieldError("values.WASH-TAPS", "cannot be negative"),
                FieldError("values.WASH-TOILETS", "must be a whole number"),
                FieldError("values.WASH-WATER-DIST", "must be a number"),
            ])
        #expect(
            RoundScoring.validate([:], catalogue: catalogue) == [
                FieldError("values", "a round needs at least one answer")
            ])
    }

    @Test func aRoundIsScoredPerSectorWithItsUnmetStandardsInPeoplesTerms() {
        let scored = RoundScoring.score(
            [
                "WASH-TOILETS": .number(100), "WASH-WATER-LITRES": .number(70_000),
                "SMT-SERVICE-HEALTH": .text("inadequate"),
                "SMT-THREAT-FIRE": .text("no"), "SMT-PRIORITY-1": .text("water"),
                "SHELTER-COVERED-AREA-TOTAL": .number(20_000),
            ], catalogue: catalogue, population: 4100)
        let ratio = scored.values.first { $0.code == "WASH-LATRINE-RATIO" }
        #expect(ratio?.number == 41 && ratio?.severity == .extreme)
        #expect(scored.values.first { $0.code == "WASH-WATER-LPD" }?.severity == .minimal)
        #expect(scored.values.first { $0.code == "SMT-PRIORITY-1" }?.severity == nil)
        #expect(
            scored.sectors == ["WASH": .extreme, "Health": .severe, "Site planning": .minimal, "Shelter": .minimal])
        #expect(scored.overall == .extreme)
        #expect(scored.unmet.map(\.indicator) == ["WASH-LATRINE-RATIO"])
        #expect(
            scored.unmet.first?.sentence
                == "People per toilet: 41 people/toilet (standard at most 20): 105 toilets missing")
    }

    @Test func derivedIndicatorsWaitForAPopulation() {
        let scored = RoundScoring.score(["WASH-TOILETS": .number(10)], catalogue: catalogue, population: nil)
        #expect(!scored.values.contains { $0.code == "WASH-LATRINE-RATIO" })
        #expect(scored.overall == nil)
    }

    @Test func noToiletsAtAllIsTheWorstSeverity() {
        let scored = RoundScoring.score(["WASH-TOILETS": .number(0)], catalogue: catalogue, population: 300)
        #expect(scored.overall == .catastrophic)
        #expect(scored.unmet.first?.value == nil)
        #expect(
            scored.unmet.first?.sentence
                == "People per toilet: none available people/toilet (standard at most 20): 15 toilets missing")
        #expect(throws: Never.self) { try JSONEncoder().encode(RoundScores(scored)) }
    }

    @Test func theOverallSeverityIsTheWorstOfTheScoredValues() async {
        let adequacy = Gen.oneOf(Gen.always("adequate"), Gen.always("inadequate"), Gen.always("non_existent"))
        await propertyCheck(input: adequacy.array(of: 12), Gen.int(in: 0...500), Gen.int(in: 1...20000)) {
            answers, toilets, population in
            let codes = IndicatorSeed.services.map(\.code)
            var values = Dictionary(uniqueKeysWithValues: zip(codes, answers.map(Answer.text)))
            values["WASH-TOILETS"] = .number(Double(toilets))
            #expect(RoundScoring.validate(values, catalogue: catalogue).isEmpty)
            let scored = RoundScoring.score(values, catalogue: catalogue, population: population)
            #expect(scored.overall == scored.values.compactMap(\.severity).max())
            #expect(scored.unmet.allSatisfy { $0.severity > .minimal })
        }
    }
}
