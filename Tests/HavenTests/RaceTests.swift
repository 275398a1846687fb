import Fluent
import Foundation
@testable import Haven
import Testing
import Vapor
import VaporTesting

/// Many hands at once: every read-check-write is decided inside its transaction, so two people acting on
/// the same record at the same moment leave one winner and a 409 (or, when the second saw the first's
/// result, the rule's own refusal), and nothing is written twice. These matter on PostgreSQL, where
/// writers really overlap; they run on SQLite too.
@Suite struct RaceTests {
    @Test func twoWorkflowStepsOnOneComplaintAtOnceLeaveOneWinnerAndExactCounters() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var ids: [UUID] = []
            for index in 0..<12 {
                let item = try await FeedbackAPITests.record(app, world, FeedbackAPITests.input(index.isMultiple(of: 2) ? world.alpha : world.beta,
                                                                                                category: "MAJOR")).json(FeedbackAPITests.Item.self)
                for step: [String: Any] in [["to": "acknowledged"], ["to": "responded", "response": "Repaired"]] {
                    _ = try await app.testing().sendRequest(.POST, "/api/v1/feedback/\(item.id)/transitions", headers: world.headers(.coordinator),
                                                            body: try jsonBody(step))
                }
                ids.append(item.id)
            }
            let steps: [[String: Any]] = [["to": "closed", "closedVia": "hotline"], ["to": "in_progress"]]
            let outcomes = try await withThrowingTaskGroup(of: (UUID, Int, HTTPStatus).self) { group in
                for id in ids {
                    for (index, step) in steps.enumerated() {
                        let body = try jsonBody(step)
                        group.addTask {
                            let answer = try await app.testing().sendRequest(.POST, "/api/v1/feedback/\(id)/transitions",
                                                                             headers: world.headers(.coordinator), body: body)
                            return (id, index, answer.status)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for id in ids {
                let mine = outcomes.filter { $0.0 == id }
                let winners = mine.filter { $0.2 == .ok }
                #expect(winners.count == 1, "\(mine)")
                #expect(mine.allSatisfy { [.ok, .conflict, .unprocessableEntity].contains($0.2) }, "\(mine)")
                let stored = try #require(try await FeedbackItem.find(id, on: app.db))
                #expect(stored.status == (winners.first?.1 == 0 ? .closed : .inProgress), "the winner's step is the one stored")
            }
            let items = try await FeedbackItem.query(on: app.db).all()
            #expect(try await FeedbackAnalysisTests.storedTallies(app.db) == FeedbackTally.total(items.compactMap(\.tallyFacts).map { ($0, 1) }))
        }
    }
}
