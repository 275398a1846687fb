import Fluent
import Foundation
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

    @Test func eachRoleLandsOnItsOwnHome() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 8, months: 3, seed: 11, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            let expected: [Role: (shown: [String], hidden: [String])] = [
                .coordinator: (
                    ["The operation", "The worst sites", "Complaints and feedback you handle"], ["Your sites"]
                ),
                .viewer: (["The operation", "The worst sites"], ["Complaints and feedback you handle"]),
                .siteManager: (["Your sites", "Last count", "Last round"], ["The worst sites"]),
                .partner: (["Your 5W", "5W lines of yours"], ["The worst sites", "Your sites"]),
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
