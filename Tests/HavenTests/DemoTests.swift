import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct DemoTests {
    let today = CalendarDay("2026-06-20")!

    @Test func theSameSeedGivesTheSameOperation() {
        let a = DemoOperation(sites: 40, months: 6, seed: 7, today: today)
        let b = DemoOperation(sites: 40, months: 6, seed: 7, today: today)
        let c = DemoOperation(sites: 40, months: 6, seed: 8, today: today)
        #expect(a.sites.map(\.code) == b.sites.map(\.code) && a.sites.map(\.counts) == b.sites.map(\.counts))
        #expect(a.sites.map(\.name) != c.sites.map(\.name))
    }

    @Test func everyGeneratedRecordMeetsTheRulesPeopleMeet() {
        let operation = DemoOperation(sites: 400, months: 24, seed: 3, today: today)
        let boxes = Dictionary(uniqueKeysWithValues: operation.areas.map { ($0.pcode, $0) })
        for area in operation.areas where area.level > 0 {
            let parent = boxes[area.parentPcode!]!
            #expect(
                AdminAreaRules.validate(
                    pcode: area.pcode, name: area.name, level: area.level, parent: (parent.pcode, parent.level)
                ).isEmpty)
        }
        #expect(Set(operation.sites.map(\.type)) == Set(SiteType.allCases))
        #expect(Set(operation.sites.map(\.status)) == Set(SiteStatus.allCases))
        #expect(Set(operation.sites.map(\.code)).count == operation.sites.count)
        for site in operation.sites {
            let area = boxes[site.areaPcode]!
            #expect(
                area.level == 3 && area.box.contains(latitude: site.latitude, longitude: site.longitude), "\(site.code)"
            )
            let input = SiteInput(
                code: site.code, name: site.name, type: site.type, status: site.status, adminAreaId: UUID(),
                latitude: site.latitude, longitude: site.longitude, openedOn: site.openedOn, closedOn: site.closedOn)
            #expect(SiteRules.validate(input, today: today).isEmpty, "\(site.code)")
            for count in site.counts {
                #expect(PopulationRules.validate(count, today: today).isEmpty, "\(site.code) \(count.countedOn)")
                #expect(count.countedOn >= site.openedOn!)
            }
            #expect(site.counts.map(\.countedOn) == site.counts.map(\.countedOn).sorted())
            if site.status == .closed { #expect(site.counts.last?.individuals == 0) }
            if site.status == .planned { #expect(site.counts.isEmpty) }
        }
        let organisationKinds = Set(DemoOperation.organisations.map(\.kind))
        #expect(organisationKinds == Set(Organisation.Kind.allCases))
    }

    @Test func theLoadedDemoIsConsistentAndAudited() async throws {
        try await withHaven { app in
            let summary = try await DemoLoader.load(
                sites: 60, months: 8, seed: 5, cipher: app.feedbackCipher, on: app.db, today: today)
            #expect(try await Site.query(on: app.db).count() == 60)
            #expect(try await PopulationCount.query(on: app.db).count() == summary.counts)
            for site in try await Site.query(on: app.db).all() {
                let latest = try await PopulationCount.query(on: app.db).filter(\.$site.$id == site.id!).sort(
                    \.$countedOn, .descending
                ).first()
                #expect(
                    site.populationIndividuals == latest?.individuals && site.populationCountedOn == latest?.countedOn,
                    "\(site.code)")
            }
            let created = try await AuditEvent.query(on: app.db).filter(\.$action == .create).count()
            var records = try await AdminArea.query(on: app.db).count() + Organisation.query(on: app.db).count()
            records +=
                try await Site.query(on: app.db).count() + PopulationCount.query(on: app.db).count()
                + User.query(on: app.db).count()
            records += try await Indicator.query(on: app.db).count() + MonitoringRound.query(on: app.db).count()
            records += try await AreaBoundary.query(on: app.db).count() + ActivityType.query(on: app.db).count()
            records += try await Activity.query(on: app.db).count() + ResponseTarget.query(on: app.db).count()
            records +=
                try await FeedbackCategory.query(on: app.db).count() + FeedbackItem.query(on: app.db).count()
                + Service.query(on: app.db).count()
            let reports = try await SituationReport.query(on: app.db).filter(\.$status == .published).count()
            #expect(reports == 2, "the two months before last are published")
            records += reports
            let late = try await FeedbackItem.query(on: app.db).filter(
                \.$status ~~ [.new, .acknowledged, .referred, .inProgress]
            ).all()
                .filter { FeedbackDeadlines.isOverdue(status: $0.status, due: $0.due, now: Date()) }
            let closed = try await FeedbackItem.query(on: app.db).filter(\.$status == .closed).count()
            #expect(!late.isEmpty && closed > 0, "some feedback closed, some late")
            let sensitive = try await FeedbackItem.query(on: app.db).filter(\.$sensitive == true).all()
            #expect(!sensitive.isEmpty && sensitive.allSatisfy { $0.description.hasPrefix("v1:") })
            #expect(created == records, "every demo record has its creation in the audit trail")
            #expect(
                try await Activity.query(on: app.db).count() > summary.sites,
                "partners report several lines per site and month")
            let targets = try await ResponseTarget.query(on: app.db).all()
            #expect(
                targets.contains { $0.activityCode.isEmpty && $0.areaPcode.isEmpty }
                    && targets.contains { $0.areaPcode.count == 4 },
                "the plan has sector targets for the operation and activity targets per province")
            let known = TargetRules.Known(
                activities: Dictionary(
                    ActivitySeed.entries.map { ($0.code, $0.sector) }, uniquingKeysWith: { a, _ in a }),
                pcodes: Set(try await AdminArea.query(on: app.db).all().map(\.pcode)))
            for target in targets {
                let input = TargetInput(
                    sector: target.sector, activity: target.activityCode.nonEmptyText,
                    adminArea: target.areaPcode.nonEmptyText,
                    indicator: target.indicator, fromMonth: ReportingMonth(target.fromMonth)!,
                    toMonth: ReportingMonth(target.toMonth)!,
                    people: target.people, comment: nil)
                #expect(TargetRules.check(input, known: known).isEmpty, "\(target.auditLabel)")
            }
            #expect(Set(try await User.query(on: app.db).all().map(\.role)) == Set(Role.allCases))
            await #expect(throws: HavenError.self) {
                _ = try await DemoLoader.load(sites: 5, months: 2, seed: 1, cipher: app.feedbackCipher, on: app.db)
            }

            let roundCount = try await MonitoringRound.query(on: app.db).count()
            #expect(summary.rounds > 0 && summary.rounds == roundCount)
            let catalogue = try await Catalogue.current(on: app.db).indicators
            for round in try await MonitoringRound.query(on: app.db).all() {
                #expect(RoundScoring.validate(round.answers, catalogue: catalogue).isEmpty)
                let newer = try await MonitoringRound.query(on: app.db).filter(\.$site.$id == round.$site.id)
                    .filter(\.$conductedOn > round.conductedOn).count()
                #expect(round.latest == (newer == 0), "only each site's newest round is its latest")
            }

            let provinces = try await AdminArea.query(on: app.db).filter(\.$level == 1).all()
            let open = try await Site.query(on: app.db).with(\.$adminArea).all().filter {
                $0.archivedAt == nil && $0.status != .closed
            }
            for rollup in try await AreaRollup.of(provinces, on: app.db) {
                let inside = open.filter { $0.adminArea.pcode.hasPrefix(rollup.area.pcode) }
                #expect(
                    rollup.sites == inside.count
                        && rollup.people == inside.compactMap(\.populationIndividuals).reduce(0, +))
            }

            let admin = try #require(try await User.query(on: app.db).filter(\.$role == .administrator).first())
            try await UserSession(
                tokenHash: Login.hashToken("demo-token"), userID: admin.id!, kind: .web,
                expiresAt: Date().addingTimeInterval(600)
            ).create(on: app.db)
            let people = try await Site.query(on: app.db).filter(\.$archivedAt == nil).all().compactMap(
                \.populationIndividuals
            ).reduce(0, +)
            let list = try await app.testing().sendRequest(
                .GET, "/sites?sort=-population", headers: ["cookie": "haven_session=demo-token"])
            #expect(list.status == .ok && list.text.contains("<strong>\(Format.number(people))</strong>people"))
            let worst = try #require(
                try await MonitoringRound.query(on: app.db).filter(\.$latest == true).sort(
                    \.$overallSeverity, .descending
                ).first())
            let sitePage = try await app.testing().sendRequest(
                .GET, "/sites/\(worst.$site.id)", headers: ["cookie": "haven_session=demo-token"])
            #expect(sitePage.text.contains("Latest round: \(Format.day(worst.conductedOn))"))
            #expect(sitePage.text.contains("Standards not met") == !worst.scores.unmet.isEmpty)
            let dashboard = try await app.testing().sendRequest(
                .GET, "/monitoring?minSeverity=3", headers: ["cookie": "haven_session=demo-token"])
            #expect(
                dashboard.status == .ok && dashboard.text.contains("<circle")
                    && dashboard.text.contains(Paths.site.link(worst.$site.id)))
            for page in [
                "/areas", "/areas/BO01", "/sites?adminArea=BO02&sort=population",
                "/monitoring?sector=WASH&type=planned_camp&adminArea=BO01",
            ] {
                let response = try await app.testing().sendRequest(
                    .GET, page, headers: ["cookie": "haven_session=demo-token"])
                #expect(response.status == .ok, "\(page)")
            }
        }
    }
}

extension String {
    fileprivate var nonEmptyText: String? { isEmpty ? nil : self }
}
