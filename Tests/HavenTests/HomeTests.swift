import Fluent
import Foundation
import PropertyBased
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Each person's home page: the figures read in the database agree with counting the records one by one, and
/// each role sees what is theirs.
@Suite struct HomeTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 20)!

    @Test func theOperationsFiguresAreWhatCountingTheRecordsGives() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 12, months: 4, seed: 3, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            let figures = try await HomeQuery.operation(today: Self.today, on: app.db)
            let open = try await Site.query(on: app.db).live().filter(\.$status ~~ [.open, .closing]).all()
            let rounds = try await MonitoringRound.query(on: app.db).live().filter(\.$latest == true).all()
            let latest = Dictionary(rounds.map { ($0.$site.id, $0) }, uniquingKeysWith: { a, _ in a })
            let stale = Self.today.adding(days: -Home.staleAfterDays)
            #expect(figures.openSites == open.count && open.count > 0)
            #expect(figures.people == open.compactMap(\.populationIndividuals).reduce(0, +))
            #expect(figures.severeSites == open.filter { (latest[$0.id!]?.overallSeverity ?? 0) >= 4 }.count)
            #expect(
                figures.staleSites
                    == open.filter { site in
                        latest[site.id!].map { CalendarDay($0.conductedOn).map { $0 < stale } ?? true } ?? true
                    }.count)
            let worst = try await HomeQuery.worstSites(on: app.db)
            #expect(worst.map(\.severity) == worst.map(\.severity).sorted { ($0 ?? 0) > ($1 ?? 0) })
            #expect(worst.allSatisfy { ($0.severity ?? 0) >= 3 })
        }
    }

    @Test func theLastMonthsChangesAreWhatCountingTheRecordsGives() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 16, months: 5, seed: 5, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            let since = Self.today.adding(days: -Home.changeWindowDays)
            let changes = try await HomeQuery.changes(since: since, linesLastMonth: 0, on: app.db)
            let live = try await Site.query(on: app.db).live().all()
            let liveIDs = Set(live.compactMap(\.id))
            // Each site's status changes in the window, the last deciding.
            let history = try await SiteStatusChange.query(on: app.db).filter(\.$changedOn >= since.description).all()
                .filter { liveIDs.contains($0.$site.id) }
            var ended: [UUID: SiteStatusChange] = [:]
            for change in history.sorted(by: {
                ($0.changedOn, $0.createdAt ?? .distantPast) < ($1.changedOn, $1.createdAt ?? .distantPast)
            }) {
                ended[change.$site.id] = change
            }
            #expect(changes.opened == ended.values.filter { $0.status == .open }.count)
            #expect(changes.closed == ended.values.filter { $0.status == .closed }.count)
            // Each open site's latest round in the window against its round before.
            var rose = 0
            var fell = 0
            for site in live where [.open, .closing].contains(site.status) {
                let rounds = try await MonitoringRound.query(on: app.db).live().filter(\.$site.$id == site.id!)
                    .sort(\.$conductedOn, .descending).all()
                guard let latest = rounds.first, latest.conductedOn >= since.description, rounds.count > 1,
                    let now = latest.overallSeverity, let before = rounds[1].overallSeverity
                else { continue }
                if now > before { rose += 1 } else if now < before { fell += 1 }
            }
            #expect(changes.rose.count == rose && changes.fell == fell)
            var people = 0
            for site in live {
                guard let counted = site.populationCountedOn, counted >= since.description,
                    let latest = site.populationIndividuals
                else { continue }
                let before = try await PopulationCount.query(on: app.db).live().filter(\.$site.$id == site.id!)
                    .filter(\.$countedOn < counted).sort(\.$countedOn, .descending).first()
                people += latest - (before?.individuals ?? 0)
            }
            #expect(changes.people == people)
            #expect(changes.rose.count + changes.fell > 0 && people != 0, "the demo's last month moves")
        }
    }

    @Test func eachSiteCountsOnceByItsLastChangeOfTheWindow() async {
        let sites = (0..<4).map { _ in UUID() }
        let change = zip(
            Gen.int(in: 0...3), Gen.element(of: SiteStatus.allCases), Gen.int(in: 0...40), Gen.int(in: 0...3)
        ).map { site, status, day, order in
            HomeChanges.StatusChange(
                siteID: sites[site], status: status ?? .open, changedOn: CalendarDay("2026-10-01")!.adding(days: day),
                order: Double(order))
        }
        await propertyCheck(input: change.array(of: 0...12)) { changes in
            let counted = HomeChanges.statuses(changes)
            // A site ended in a status when no change of it comes later.
            func ended(in status: SiteStatus) -> Int {
                Set(
                    changes.filter { change in
                        change.status == status
                            && !changes.contains {
                                $0.siteID == change.siteID
                                    && ($0.changedOn, $0.order) > (change.changedOn, change.order)
                            }
                    }.map(\.siteID)
                ).count
            }
            // Two changes of one site on one day at one moment leave it ambiguous; the rule keeps one.
            let ambiguous = Dictionary(grouping: changes) { "\($0.siteID) \($0.changedOn) \($0.order)" }.values
                .contains { Set($0.map(\.status)).count > 1 }
            if !ambiguous {
                #expect(counted.opened == ended(in: .open) && counted.closing == ended(in: .closing))
                #expect(counted.closed == ended(in: .closed))
            }
            #expect(counted.opened + counted.closing + counted.closed <= Set(changes.map(\.siteID)).count)
        }
    }

    @Test func severityMovesAndPeopleAreDirectCounts() async {
        let round = zip(Gen.int(in: 1...5).optional, Gen.int(in: 1...5).optional, Gen.int(in: 0...999)).map {
            HomeChanges.Round(siteID: UUID(), code: "S\($2)", name: "Site", severity: $0, previous: $1)
        }
        await propertyCheck(input: round.array(of: 0...20)) { rounds in
            let moves = HomeChanges.moves(rounds)
            let known = rounds.filter { $0.severity != nil && $0.previous != nil }
            #expect(moves.rose.count == known.filter { $0.severity! > $0.previous! }.count)
            #expect(moves.fell == known.filter { $0.severity! < $0.previous! }.count)
            #expect(zip(moves.rose, moves.rose.dropFirst()).allSatisfy { $0.to - $0.from >= $1.to - $1.from })
        }
        let count = zip(Gen.int(in: 0...100_000), Gen.int(in: 0...100_000).optional)
        await propertyCheck(input: count.array(of: 0...30)) { counts in
            var direct = 0
            for (latest, previous) in counts { direct += latest - (previous ?? 0) }
            #expect(HomeChanges.people(counts.map { (latest: $0.0, previous: $0.1) }) == direct)
        }
    }

    @Test func aPersonsCheckedImportsWaitOnTheirHome() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let job = ImportJob(
                id: UUID(), kind: .activities, userID: world.users[.coordinator]!.id!, fileName: "nrc-5w-october.xlsx")
            job.phase = .checked
            try await job.create(on: app.db)
            let mine = try await app.testing().sendRequest(.GET, "/", headers: world.headers(.coordinator))
            #expect(
                mine.text.contains("nrc-5w-october.xlsx") && mine.text.contains("/import/activities/jobs/\(job.id!)"))
            let theirs = try await app.testing().sendRequest(.GET, "/", headers: world.headers(.administrator))
            #expect(theirs.status == .ok && !theirs.text.contains("nrc-5w-october.xlsx"), "only the person's own")
        }
    }

    @Test func eachRoleLandsOnItsOwnHome() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 8, months: 3, seed: 11, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            let expected: [Role: (shown: [String], hidden: [String])] = [
                .coordinator: (
                    ["The operation", "In the last 30 days", "The worst sites", "Complaints and feedback you handle"],
                    ["Your sites"]
                ),
                .viewer: (
                    ["The operation", "In the last 30 days", "The worst sites"], ["Complaints and feedback you handle"]
                ),
                .siteManager: (
                    ["Your sites", "Last count", "Last round"], ["The worst sites", "In the last 30 days"]
                ),
                .partner: (
                    ["Your 5W", "5W lines of yours"], ["The worst sites", "Your sites", "In the last 30 days"]
                ),
            ]
            for (email, role) in DemoLoader.demoUsers {
                guard let expected = expected[role] else { continue }
                let headers = try await LinkCrawlTests.signedIn(email, on: app)
                let home = try await app.testing().sendRequest(.GET, "/", headers: headers)
                #expect(home.status == .ok, "\(role)")
                for text in expected.shown { #expect(home.body.string.contains(text), "\(role) sees \(text)") }
                for text in expected.hidden {
                    #expect(!home.body.string.contains(text), "\(role) does not see \(text)")
                }
            }
            let anonymous = try await app.testing().sendRequest(.GET, "/")
            #expect(anonymous.status == .seeOther || anonymous.status == .found)
        }
    }
}
