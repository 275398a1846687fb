import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct ActivityRulesTests {
    static let org = UUID()
    static let march = ReportingMonth("2025-03")!

    static func line(_ change: (inout ActivityInput) -> Void = { _ in }) -> ActivityInput {
        var input = ActivityInput(
            reportingOrganisationId: org, implementingOrganisationId: nil, donorOrganisationId: nil,
            activity: "WASH-01",
            siteId: UUID(), adminArea: nil, status: .ongoing, startOn: CalendarDay("2025-02-10")!, endOn: nil,
            month: march, modality: .service, targeted: People(total: 100), reached: People(total: 60),
            householdsTargeted: 20, householdsReached: 12, comment: nil)
        change(&input)
        return input
    }

    func fields(_ input: ActivityInput) -> [String] {
        ActivityRules.check(input, currentMonth: ReportingMonth("2025-04")!).errors.map(\.field)
    }

    @Test func aPlainLinePasses() {
        #expect(ActivityRules.check(Self.line(), currentMonth: Self.march) == .init())
    }

    @Test func eachBrokenRuleNamesItsField() {
        #expect(fields(Self.line { $0.month = ReportingMonth("2025-05")! }) == ["month"])
        #expect(fields(Self.line { $0.siteId = nil }) == ["siteId"])
        #expect(fields(Self.line { $0.adminArea = "BO01" }) == ["adminArea"])
        #expect(fields(Self.line { $0.endOn = CalendarDay("2025-02-01") }) == ["endOn", "endOn"])
        #expect(fields(Self.line { $0.startOn = CalendarDay("2025-04-02")! }) == ["startOn"])
        #expect(fields(Self.line { $0.status = .completed }) == ["endOn"])
        #expect(fields(Self.line { $0.status = .planned }) == ["reached.total"])
        #expect(fields(Self.line { $0.householdsReached = -1 }) == ["householdsReached"])
        #expect(fields(Self.line { $0.householdsTargeted = 101 }) == ["householdsTargeted"])
        #expect(
            fields(Self.line { $0.targeted = People(total: 10, female: [1, 1, 1, 1, 1], male: [1, 1, 1, 1, 1]) }) == [
                "householdsTargeted"
            ])
        #expect(fields(Self.line { $0.targeted = People(total: -3) }) == ["targeted.total"])
        #expect(
            fields(Self.line { $0.reached = People(total: 60, female: [-1, nil, nil, nil, nil]) }) == [
                "reached.female0To4"
            ])
        #expect(fields(Self.line { $0.reached = People(total: 60, female: [1, 2]) }) == ["reached"])
    }

    @Test func plannedWorkMayStartLaterAndCancelledWorkMayHaveEnded() {
        #expect(
            fields(
                Self.line {
                    $0.status = .planned
                    $0.reached = nil
                    $0.startOn = CalendarDay("2025-06-01")!
                }
            ).isEmpty)
        #expect(
            fields(
                Self.line {
                    $0.status = .cancelled
                    $0.endOn = CalendarDay("2025-02-20")
                }
            ).isEmpty)
        #expect(
            fields(
                Self.line {
                    $0.siteId = nil
                    $0.adminArea = "BO01"
                }
            ).isEmpty)
    }

    @Test func reachingMoreThanTargetedIsAWarningNotAnError() {
        let findings = ActivityRules.check(Self.line { $0.reached = People(total: 150) }, currentMonth: Self.march)
        #expect(
            findings.errors.isEmpty
                && findings.warnings == [FieldError("reached.total", "150 reached is more than the 100 targeted")])
    }

    @Test func sexAgeCellsMustAddUpWhenAllAreGivenAndNeverExceedTheTotal() async {
        await propertyCheck(input: Gen.int(in: 0...40).array(of: 10), Gen.int(in: 0...400)) { cells, total in
            let people = People(total: total, female: Array(cells[0..<5]), male: Array(cells[5..<10]))
            let errors = fields(
                Self.line {
                    $0.targeted = people
                    $0.householdsTargeted = nil
                })
            #expect(errors.isEmpty == (cells.reduce(0, +) == total))
            var partial = people
            partial.male[4] = nil
            let partialErrors = fields(
                Self.line {
                    $0.targeted = partial
                    $0.householdsTargeted = nil
                })
            #expect(partialErrors.isEmpty == (cells[0..<9].reduce(0, +) <= total))
        }
    }

    @Test func bracketsRollUpToChildrenAdultsAndElderly() {
        let people = People(total: 21, female: [1, 2, 3, 4, 5], male: [1, 1, 1, 1, nil])
        #expect(people.rolledUp(.female) == (6, 4, 5))
        let male = people.rolledUp(.male)
        #expect(male.children == 3 && male.adults == 1 && male.elderly == nil)
    }

    @Test func monthsAreWrittenYearDashMonth() {
        #expect(ReportingMonth("2025-02")?.lastDay.description == "2025-02-28")
        #expect(ReportingMonth("2024-02")?.lastDay.description == "2024-02-29")
        for bad in ["2025-13", "2025-1", "25-01", "2025/01", "", "2025-00"] {
            #expect(ReportingMonth(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct ResponseAnalysisTests {
    typealias Work = ResponseAnalysis.Work
    static let (a, b, c) = (UUID(), UUID(), UUID())
    static let (nrc, iom, drc) = (UUID(), UUID(), UUID())
    static let march = (CalendarDay("2025-03-01")!, CalendarDay("2025-03-31")!)

    static func work(
        _ site: UUID?, _ sector: String, _ activity: String, _ org: UUID, _ status: ActivityStatus = .ongoing,
        _ start: String = "2025-01-01", _ end: String? = nil, reached: Int? = nil
    ) -> Work {
        Work(
            siteID: site, sector: sector, activity: activity, organisationID: org, status: status,
            start: CalendarDay(start)!, end: end.flatMap(CalendarDay.init), reached: reached)
    }

    @Test func aSiteInNeedWithNobodyOfThatSectorIsAGap() {
        let needs = [
            ResponseAnalysis.SiteNeed(
                siteID: Self.a, code: "A", population: 900,
                sectors: ["WASH": .extreme, "Site planning": .severe, "Shelter": .stress]),
            ResponseAnalysis.SiteNeed(
                siteID: Self.b, code: "B", population: 4000, sectors: ["WASH": .severe, "Education": .catastrophic]),
        ]
        let work = [
            Self.work(Self.a, "CCCM", "CCCM-01", Self.iom),
            Self.work(Self.b, "WASH", "WASH-01", Self.nrc, .completed, "2025-01-01", "2025-02-28"),
            Self.work(Self.b, "Education", "EDU-01", Self.drc, .planned, "2025-03-20"),
            Self.work(nil, "WASH", "WASH-05", Self.nrc),
        ]
        let gaps = ResponseAnalysis.gaps(needs, work, from: Self.march.0, to: Self.march.1)
        #expect(
            gaps.map { "\($0.code) \($0.sector) \($0.severity.rawValue)" } == ["A WASH 4", "B WASH 3"],
            "completed work before the period covers nothing; Site planning is answered by CCCM, which is there")
    }

    @Test func severityUnderThreeIsNeverAGapAndWorkAnywhereElseDoesNotCover() async {
        await propertyCheck(input: Gen.int(in: 1...5), Gen.bool) { raw, workHere in
            let severity = Severity(rawValue: raw)!
            let needs = [
                ResponseAnalysis.SiteNeed(siteID: Self.a, code: "A", population: 10, sectors: ["WASH": severity])
            ]
            let work = [Self.work(workHere ? Self.a : Self.b, "WASH", "WASH-01", Self.nrc)]
            let gaps = ResponseAnalysis.gaps(needs, work, from: Self.march.0, to: Self.march.1)
            #expect(gaps.isEmpty == (severity < .severe || workHere))
        }
    }

    @Test func twoOrganisationsDoingTheSameThingAtTheSameSiteAtTheSameTimeAreADuplication() {
        let work = [
            Self.work(Self.a, "WASH", "WASH-01", Self.nrc, reached: 300),
            Self.work(Self.a, "WASH", "WASH-01", Self.iom, .ongoing, "2025-03-10", reached: 500),
            Self.work(Self.a, "WASH", "WASH-01", Self.drc, .cancelled, reached: 50),
            Self.work(Self.a, "WASH", "WASH-03", Self.drc),
            Self.work(Self.b, "WASH", "WASH-01", Self.nrc, .completed, "2025-01-01", "2025-02-10"),
            Self.work(Self.b, "WASH", "WASH-01", Self.iom, .ongoing, "2025-03-01"),
            Self.work(Self.c, "Health", "HLT-01", Self.nrc), Self.work(Self.c, "Health", "HLT-01", Self.nrc),
        ]
        let found = ResponseAnalysis.duplications(
            work, population: [Self.a: 1000], from: Self.march.0, to: Self.march.1)
        #expect(found.count == 1)
        #expect(
            found.first.map {
                Set($0.organisationIDs) == [Self.nrc, Self.iom] && $0.reached == 800 && $0.population == 1000
            } == true)
    }

    @Test func organisationsWhosePeriodsDoNotTouchAreNotDuplicates() {
        let work = [
            Self.work(Self.a, "WASH", "WASH-01", Self.nrc, .completed, "2025-03-01", "2025-03-10"),
            Self.work(Self.a, "WASH", "WASH-01", Self.iom, .ongoing, "2025-03-11"),
        ]
        #expect(ResponseAnalysis.duplications(work, population: [:], from: Self.march.0, to: Self.march.1).isEmpty)
    }
}
