import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Focal points are told by e-mail what is late among what they handle, without a word of what anyone said.
@Suite struct FeedbackDigestTests {
    @Test func focalPointsAreMailedWhatIsLateAndNothingThatWasSaid() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let long = Date().addingTimeInterval(-40 * 86_400)
            let sensitive = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.alpha, category: "GBV", receivedAt: long)
            )
            .json(FeedbackAPITests.Item.self)
            let late = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(
                    world.alpha, category: "MAJOR", description: "PLANTED tap broken",
                    receivedAt: Date().addingTimeInterval(-5 * 86_400))
            ).json(FeedbackAPITests.Item.self)
            _ = try await FeedbackAPITests.record(
                app, world, FeedbackAPITests.input(world.beta, category: "INFO", description: "Fresh", contact: nil))
            let manager = try #require(try await User.find(world.users[.siteManager]!.id, on: app.db))
            manager.feedbackFocalPoint = true
            try await manager.update(on: app.db)
            let coordinator = try #require(try await User.find(world.users[.coordinator]!.id, on: app.db))
            coordinator.feedbackFocalPoint = true
            coordinator.archivedAt = Date()
            try await coordinator.update(on: app.db)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let outbox = Outbox(command: nil, folder: folder, from: "Haven <haven@test>")
            let mailing = try await FeedbackDigest.mailFocalPoints(
                outbox: outbox, baseURL: "https://haven.example", on: app.db)
            #expect(
                mailing.saved.count == 1 && mailing.sent == 0,
                "the archived coordinator gets nothing; without a mail command it waits in the outbox")
            let message = try String(contentsOfFile: mailing.saved[0], encoding: .utf8)
            #expect(
                message.contains("To: site_manager@test.haven\r\n")
                    && message.contains("Subject: Haven: 2 complaints late"))
            #expect(
                message.contains(sensitive.reference) && message.contains(late.reference)
                    && message.contains("https://haven.example/complaints/\(sensitive.id)"))
            #expect(
                message.firstRange(of: sensitive.reference)!.lowerBound
                    < message.firstRange(of: late.reference)!.lowerBound, "longest waiting first")
            #expect(
                message.contains("sensitive case") && !message.contains("GBV"),
                "a sensitive case is not named by its category")
            #expect(
                !message.contains("PLANTED") && !message.contains(FeedbackAPITests.phone), "nothing said, no contact")

            let sent = folder.appendingPathComponent("sent.eml")
            let command = Outbox(command: "cat > '\(sent.path)'", folder: folder, from: "Haven <haven@test>")
            #expect(
                try await FeedbackDigest.mailFocalPoints(outbox: command, baseURL: "https://haven.example", on: app.db)
                    .sent == 1)
            #expect(
                try String(contentsOf: sent, encoding: .utf8).contains("late to answer"),
                "the mail command received the message")
            let failing = Outbox(command: "exit 3", folder: folder, from: "Haven <haven@test>")
            await #expect(throws: HavenError.self) {
                _ = try await FeedbackDigest.mailFocalPoints(outbox: failing, baseURL: "", on: app.db)
            }
        }
    }

    @Test func theDigestCountsWhatIsLateAndDueForWhoeverHandlesIt() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            _ = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(
                    world.alpha, category: "MAJOR", receivedAt: Date().addingTimeInterval(-4 * 86_400)))
            _ = try await FeedbackAPITests.record(
                app, world,
                FeedbackAPITests.input(
                    world.gamma, category: "PSEA", receivedAt: Date().addingTimeInterval(-2 * 86_400)))
            let coordinator = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.coordinator]!.id!, on: app.db))
            let digest = try await FeedbackDigest.make(for: coordinator, listing: 5, on: app.db)
            #expect(
                digest.toAcknowledge == 1 && digest.toAnswer == 0 && digest.dueSoon == 0,
                "the PSEA case is not the coordinator's: no focal point")
            var focal = coordinator
            focal.feedbackFocalPoint = true
            let all = try await FeedbackDigest.make(for: focal, listing: 5, on: app.db)
            #expect(
                all.toAcknowledge == 1 && all.toAnswer == 0 && all.dueSoon == 1 && all.longestWaiting.count == 1,
                "the PSEA case is due within a day")
            let manager = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.siteManager]!.id!, on: app.db))
            #expect(
                try await FeedbackDigest.make(for: manager, on: app.db).toAcknowledge == 1,
                "Alpha is the manager's site")
        }
    }
}
