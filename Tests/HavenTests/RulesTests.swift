import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct PopulationRulesTests {
    let today = CalendarDay("2025-06-30")!

    func figures(
        _ individuals: Int = 100, households: Int = 20, female: [Int?] = [8, 9, 6, 24, 3],
        male: [Int?] = [7, 9, 6, 25, 3], disaggregated: Bool = true, on day: String = "2025-06-01"
    ) -> PopulationFigures {
        PopulationFigures(
            countedOn: CalendarDay(day)!, households: households, individuals: individuals,
            disaggregated: disaggregated, female: female, male: male, source: .headcount)
    }

    @Test func aConsistentCountPasses() {
        #expect(PopulationRules.validate(figures(), today: today).isEmpty)
    }

    @Test func cellsMustAddUpToIndividuals() {
        let errors = PopulationRules.validate(figures(101), today: today)
        #expect(
            errors == [
                FieldError(
                    "individuals",
                    "the sex and age cells add up to 100, not 101; correct them or mark the count as not disaggregated")
            ])
    }

    @Test func aNotDisaggregatedCountMayOmitCellsButNotExceedTheTotal() {
        #expect(
            PopulationRules.validate(
                figures(
                    500, female: Array(repeating: nil, count: 5), male: Array(repeating: nil, count: 5),
                    disaggregated: false), today: today
            ).isEmpty)
        let errors = PopulationRules.validate(figures(50, households: 10, disaggregated: false), today: today)
        #expect(errors.map(\.field) == ["individuals"])
    }

    @Test func aDisaggregatedCountNeedsEveryCell() {
        let errors = PopulationRules.validate(figures(female: [8, 9, nil, 24, 3]), today: today)
        #expect(errors.map(\.field) == ["female12To17"])
    }

    @Test func futureDatesAndNegativesAreRefused() {
        #expect(PopulationRules.validate(figures(on: "2025-07-01"), today: today).map(\.field) == ["countedOn"])
        let negative = PopulationRules.validate(figures(male: [7, 9, 6, 25, -3]), today: today)
        #expect(negative.contains(FieldError("male60Plus", "cannot be negative")))
    }

    @Test func householdsAndSpecificNeedsStayWithinTheirTotals() {
        #expect(PopulationRules.validate(figures(households: 101), today: today).map(\.field).contains("households"))
        #expect(PopulationRules.validate(figures(households: 0), today: today).map(\.field) == ["households"])
        var f = figures()
        f.femaleHeadedHouseholds = 21
        f.personsWithDisabilities = 101
        #expect(
            Set(PopulationRules.validate(f, today: today).map(\.field)) == [
                "femaleHeadedHouseholds", "personsWithDisabilities",
            ])
    }

    @Test func anyDisaggregationIsValidExactlyWhenItSumsToTheTotal() async {
        await propertyCheck(input: Gen.int(in: 0...500).array(of: 10), Gen.int(in: -3...3)) { cells, offset in
            let total = cells.reduce(0, +) + offset
            guard total >= 1 else { return }
            let f = figures(total, households: 1, female: Array(cells[0..<5]), male: Array(cells[5..<10]))
            let errors = PopulationRules.validate(f, today: today)
            #expect(errors.isEmpty == (offset == 0))
        }
    }
}

@Suite struct SiteRulesTests {
    let today = CalendarDay("2025-06-30")!
    var base: SiteInput {
        SiteInput(
            code: "BO0101_0001", name: "Alpha", otherNames: nil, type: .plannedCamp, status: .open, adminAreaId: UUID(),
            latitude: 2.1, longitude: 31.2, openedOn: CalendarDay("2024-01-01"))
    }

    @Test func aSoundProfilePasses() {
        #expect(SiteRules.validate(base, today: today).isEmpty)
    }

    @Test(arguments: [
        ("", "is required"), ("BO 01", "may hold only letters, digits, - and _ (e.g. BO0101_0001)"),
        ("BO01/1", "may hold only letters, digits, - and _ (e.g. BO0101_0001)"),
        (String(repeating: "A", count: 41), "is longer than 40 characters"),
    ])
    func badCodesAreRefused(code: String, message: String) {
        var s = base
        s.code = code
        #expect(SiteRules.validate(s, today: today) == [FieldError("code", message)])
    }

    @Test func coordinatesAreChecked() {
        #expect(SiteRules.coordinateErrors(latitude: 91, longitude: 10).map(\.field) == ["latitude"])
        #expect(SiteRules.coordinateErrors(latitude: 10, longitude: -181).map(\.field) == ["longitude"])
        #expect(SiteRules.coordinateErrors(latitude: 10, longitude: nil).map(\.field) == ["longitude"])
        #expect(SiteRules.coordinateErrors(latitude: nil, longitude: 10).map(\.field) == ["latitude"])
        #expect(SiteRules.coordinateErrors(latitude: 0, longitude: 0).map(\.field) == ["latitude"])
        #expect(SiteRules.coordinateErrors(latitude: nil, longitude: nil).isEmpty)
    }

    @Test func validCoordinatesAlwaysPass() async {
        await propertyCheck(input: Gen.double(in: -90...90), Gen.double(in: -180...180)) { lat, lon in
            guard lat != 0 || lon != 0 else { return }
            #expect(SiteRules.coordinateErrors(latitude: lat, longitude: lon).isEmpty)
        }
    }

    @Test func closingDatesFollowTheStatus() {
        var closed = base
        closed.status = .closed
        #expect(SiteRules.validate(closed, today: today) == [FieldError("closedOn", "is required for a closed site")])
        closed.closedOn = CalendarDay("2023-12-31")
        #expect(
            SiteRules.validate(closed, today: today) == [
                FieldError("closedOn", "is before the opening date 2024-01-01")
            ])
        closed.closedOn = CalendarDay("2025-07-01")
        #expect(SiteRules.validate(closed, today: today) == [FieldError("closedOn", "is in the future")])
        var open = base
        open.closedOn = CalendarDay("2025-01-01")
        #expect(
            SiteRules.validate(open, today: today) == [FieldError("closedOn", "only a closed site has a closing date")])
    }

    @Test func negativeCapacitiesAreRefused() {
        var s = base
        s.capacityIndividuals = -1
        s.areaSquareMetres = -5
        #expect(Set(SiteRules.validate(s, today: today).map(\.field)) == ["capacityIndividuals", "areaSquareMetres"])
    }
}

@Suite struct AdminAreaRulesTests {
    @Test func childCodesStartWithTheirParents() {
        #expect(AdminAreaRules.validate(pcode: "BO0101", name: "A", level: 2, parent: ("BO01", 1)).isEmpty)
        #expect(
            AdminAreaRules.validate(pcode: "BO0201", name: "A", level: 2, parent: ("BO01", 1)).map(\.field) == ["pcode"]
        )
        #expect(
            AdminAreaRules.validate(pcode: "BO0101", name: "A", level: 3, parent: ("BO01", 1)).map(\.field) == [
                "parent"
            ])
        #expect(
            AdminAreaRules.validate(pcode: "BO01", name: "", level: 1, parent: nil).map(\.field) == ["name", "parent"])
        #expect(
            AdminAreaRules.validate(pcode: "BO 1", name: "A", level: 5, parent: nil).map(\.field) == [
                "pcode", "level", "parent",
            ])
    }
}

@Suite struct AuditDiffTests {
    @Test func onlyChangedFieldsAreRecorded() {
        let changes = Audit.changes(
            before: ["name": "A", "code": "X", "notes": ""],
            after: ["name": "B", "code": "X", "notes": "", "type": "camp"])
        #expect(
            changes == [
                .init(field: "name", before: "A", after: "B"), .init(field: "type", before: nil, after: "camp"),
            ])
    }

    @Test func emptyAndMissingAreTheSame() {
        #expect(Audit.changes(before: ["notes": ""], after: [:]).isEmpty)
    }
}

@Suite struct AttemptLedgerTests {
    @Test func locksAfterTheLimitAndOpensAfterTheWindow() {
        var ledger = AttemptLedger(limit: 3, window: 60)
        let start = Date(timeIntervalSince1970: 1000)
        for i in 0..<2 { ledger.record("a", at: start.addingTimeInterval(Double(i))) }
        #expect(ledger.retryAfter("a", at: start.addingTimeInterval(2)) == nil)
        ledger.record("a", at: start.addingTimeInterval(2))
        #expect(ledger.retryAfter("a", at: start.addingTimeInterval(3)) == 57)
        #expect(ledger.retryAfter("b", at: start.addingTimeInterval(3)) == nil)
        #expect(ledger.retryAfter("a", at: start.addingTimeInterval(61)) == nil)
        #expect(
            ledger.retryAfter("a", limit: 4, at: start.addingTimeInterval(3)) == nil,
            "a key that stands for many people counts more")
    }
}
