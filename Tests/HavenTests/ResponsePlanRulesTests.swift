import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct TargetRulesTests {
    static let known = TargetRules.Known(activities: ["WASH-01": "WASH", "HLT-01": "Health"], pcodes: ["BO01"])

    static func target(
        _ sector: String = "WASH", activity: String? = nil, area: String? = nil, from: String = "2026-01",
        to: String = "2026-12",
        people: Int = 1000
    ) -> TargetInput {
        TargetInput(
            sector: sector, activity: activity, adminArea: area, indicator: nil, fromMonth: ReportingMonth(from)!,
            toMonth: ReportingMonth(to)!,
            people: people, comment: nil)
    }

    @Test func aTargetOfAKnownSectorActivityAndAreaPasses() {
        #expect(TargetRules.check(Self.target(activity: "wash-01", area: "bo01"), known: Self.known).isEmpty)
        #expect(
            TargetRules.check(Self.target("wash"), known: Self.known).isEmpty,
            "sector codes are matched whatever their case")
    }

    @Test func eachBrokenRuleIsNamedByItsField() {
        let cases: [(TargetInput, String, String)] = [
            (Self.target("Logistics"), "sector", "is not a sector"),
            (Self.target(activity: "WASH-99"), "activity", "is not an activity"),
            (Self.target(activity: "HLT-01"), "activity", "belongs to Health, not WASH"),
            (Self.target(area: "BO09"), "adminArea", "is not a P-code"),
            (Self.target(from: "2026-06", to: "2026-05"), "toMonth", "is before"),
            (Self.target(people: 0), "people", "between 1 and 100,000,000"),
            (Self.target(people: Int.max), "people", "between 1 and 100,000,000"),
        ]
        for (input, field, words) in cases {
            let errors = TargetRules.check(input, known: Self.known)
            #expect(errors.count == 1 && errors[0].field == field && errors[0].message.contains(words), "\(errors)")
        }
    }
}

@Suite struct ResponseProgressTests {
    typealias Reach = ResponseProgress.Reach
    static let (nrc, iom) = (UUID(), UUID())
    static let (site1, site2) = (UUID(), UUID())

    static func reach(
        _ sector: String = "WASH", _ activity: String = "WASH-01", path: [String] = ["BO", "BO01", "BO0101"],
        site: UUID? = nil,
        org: UUID = nrc, month: String = "2026-03", reached: Int, targeted: Int = 0
    ) -> Reach {
        Reach(
            sector: sector, activity: activity, areaPath: path, siteID: site, organisationID: org,
            month: ReportingMonth(month)!,
            reached: reached, targeted: targeted)
    }

    static func target(activity: String? = nil, area: String? = nil, people: Int = 1000) -> ResponseProgress.Target {
        ResponseProgress.Target(
            id: UUID(), sector: "WASH", activity: activity, areaPcode: area, from: ReportingMonth("2026-01")!,
            to: ReportingMonth("2026-06")!, people: people)
    }

    static let lines = [
        reach(site: site1, reached: 300, targeted: 400),
        reach("WASH", "WASH-05", path: ["BO", "BO02"], org: iom, month: "2026-02", reached: 200),
        reach(site: site2, org: iom, month: "2026-06", reached: 100),
        reach(month: "2026-07", reached: 5000),
        reach(month: "2025-12", reached: 7000),
        reach("Health", "HLT-01", reached: 9000),
    ]

    @Test func reachCountsInTheTargetsSectorActivityAreaAndMonthsOnly() {
        let progress = ResponseProgress.progress(
            [Self.target(), Self.target(activity: "WASH-01"), Self.target(area: "BO01", people: 800)], Self.lines)
        #expect(progress.map(\.reached) == [600, 400, 400], "months outside the span and other sectors never count")
        #expect(progress[0].targetedByPartners == 400)
        #expect(progress[0].percent == 60 && progress[2].percent == 50)
        #expect(progress.allSatisfy { $0.parts.isEmpty }, "no division unless asked")
    }

    @Test func reachDividesByAreaOneLevelDownBySiteByOrganisationAndByMonth() {
        let whole = Self.target()
        func parts(_ dimension: ResponseProgress.Dimension, _ target: ResponseProgress.Target = whole) -> [String] {
            ResponseProgress.progress([target], Self.lines, by: dimension)[0].parts.map { "\($0.key)=\($0.reached)" }
        }
        #expect(parts(.area) == ["BO01=400", "BO02=200"])
        #expect(parts(.area, Self.target(area: "BO01")) == ["BO0101=400"])
        #expect(parts(.site) == ["\(Self.site1)=300", "outside sites=200", "\(Self.site2)=100"])
        #expect(parts(.organisation) == ["\(Self.nrc)=300", "\(Self.iom)=300"].sorted(), "ties by key")
        #expect(parts(.month) == ["2026-03=300", "2026-02=200", "2026-06=100"])
    }

    @Test func thePartsAlwaysAddUpToTheReach() async {
        let gen = zip(Gen.int(in: 0...3), Gen.int(in: 0...2), Gen.int(in: 1...8), Gen.int(in: 0...500))
        await propertyCheck(input: gen.array(of: 0...20), Gen<ResponseProgress.Dimension>.case) { raw, dimension in
            let reach = raw.map { area, org, month, reached in
                Self.reach(
                    path: ["BO", ["BO01", "BO02", "BO03", "BO04"][area]], site: area == 0 ? nil : Self.site1,
                    org: [Self.nrc, Self.iom, UUID()][org],
                    month: String(format: "2026-%02d", month), reached: reached)
            }
            let result = ResponseProgress.progress([Self.target()], reach, by: dimension)[0]
            #expect(result.parts.map(\.reached).reduce(0, +) == result.reached)
            #expect(
                result.reached == reach.filter { $0.month <= ReportingMonth("2026-06")! }.map(\.reached).reduce(0, +))
        }
    }
}

@Suite struct PresenceAndCalendarTests {
    static let (a, b) = (UUID(), UUID())
    static let (nrc, iom, drc) = (UUID(), UUID(), UUID())
    static let (north, south) = (UUID(), UUID())

    static func work(
        _ site: UUID?, _ sector: String, _ org: UUID, _ status: ActivityStatus = .ongoing, area: UUID = north
    ) -> Presence.Entry {
        Presence.Entry(siteID: site, areaID: area, sector: sector, organisationID: org, status: status)
    }

    @Test func presenceNamesWhoWorksInEachSiteAndAreaButNotCancelledWork() {
        let work = [
            Self.work(Self.a, "WASH", Self.nrc), Self.work(Self.a, "WASH", Self.iom),
            Self.work(Self.a, "Health", Self.nrc),
            Self.work(Self.b, "WASH", Self.drc, .cancelled), Self.work(nil, "Protection", Self.drc, area: Self.south),
            Self.work(Self.b, "Education", Self.iom, .completed, area: Self.south),
        ]
        let sites = Presence.sites(work)
        #expect(sites[Self.a] == ["WASH": [Self.nrc, Self.iom], "Health": [Self.nrc]])
        #expect(
            sites[Self.b] == ["Education": [Self.iom]], "cancelled work is no presence; completed work this month is")
        let areas = Presence.areas(work) { $0.areaID == Self.north ? "N" : "S" }
        #expect(areas.map { "\($0.pcode) \($0.organisations.count) \($0.sectors.count)" } == ["N 2 2", "S 2 2"])
    }

    @Test func monthsOwedRunFromTheFirstReportToLastMonth() {
        let reported: Set<ReportingMonth> = [ReportingMonth("2026-05")!, ReportingMonth("2026-07")!]
        let missing = ReportingCalendar.missingMonths(reported: reported, current: ReportingMonth("2026-11")!)
        #expect(
            missing.map(\.description) == ["2026-06", "2026-08", "2026-09", "2026-10"],
            "the current month is still open")
        #expect(ReportingCalendar.missingMonths(reported: [], current: ReportingMonth("2026-11")!).isEmpty)
        let old: Set<ReportingMonth> = [ReportingMonth("2020-01")!]
        #expect(
            ReportingCalendar.missingMonths(reported: old, current: ReportingMonth("2026-11")!, window: 3).map(
                \.description)
                == ["2026-08", "2026-09", "2026-10"], "only the window is owed")
    }

    @Test func aMonthIsOwedExactlyWhenItIsInTheWindowAfterTheFirstReportAndHasNone() async {
        await propertyCheck(input: Gen.int(in: 0...30).array(of: 1...10), Gen.int(in: 0...30)) { offsets, probe in
            let base = ReportingMonth("2024-01")!
            let current = base.adding(months: 24)
            let reported = Set(offsets.map { base.adding(months: $0) })
            let month = base.adding(months: probe)
            let owed = ReportingCalendar.missingMonths(reported: reported, current: current).contains(month)
            #expect(
                owed
                    == (!reported.contains(month) && month >= reported.min()! && month < current
                        && month >= current.adding(months: -12)))
        }
    }
}
