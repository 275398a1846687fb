import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Many hands at once: every read-check-write is decided inside its transaction, so two people acting on
/// the same record at the same moment leave one winner and a 409 (or, when the second saw the first's
/// result, the rule's own refusal), and nothing is written twice. These matter on PostgreSQL, where
/// writers really overlap; they run on SQLite too.
@Suite struct RaceTests {
    /// Two changes of one password at once, each with the right current password: one wins, the other is
    /// refused (409 after the check, 422 once the current password is no longer right, or 401 once its session
    /// has ended), and the password stored is the winner's.
    @Test func twoPasswordChangesAtOnceLeaveOneWinner() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let roles: [Role] = [.coordinator, .siteManager, .partner, .viewer]
            let outcomes = try await withThrowingTaskGroup(of: (Role, String, HTTPStatus).self) { group in
                for role in roles {
                    for new in ["first new password", "second new password"] {
                        let body = try jsonBody(
                            ["currentPassword": World.password, "newPassword": new, "confirmation": new])
                        group.addTask {
                            let answer = try await app.testing().sendRequest(
                                .PUT, "/api/v1/account/password", headers: world.headers(role), body: body)
                            return (role, new, answer.status)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for role in roles {
                let mine = outcomes.filter { $0.0 == role }
                let winners = mine.filter { $0.2 == .noContent }
                #expect(winners.count == 1, "\(mine)")
                #expect(
                    mine.allSatisfy { [.noContent, .conflict, .unprocessableEntity, .unauthorized].contains($0.2) })
                let stored = try #require(try await User.find(world.users[role]!.id, on: app.db))
                #expect(try Bcrypt.verify(winners.first?.1 ?? "", created: stored.passwordHash), "\(role)")
            }
        }
    }

    /// Two uses of one password link at once: the link is spent by a conditional update, so one sets the
    /// password and the other is refused with 409 (or finds the link already spent), never both.
    @Test func twoUsesOfOnePasswordLinkAtOnceLeaveOneWinner() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let roles: [Role] = [.coordinator, .siteManager, .partner, .viewer]
            var tokens: [Role: String] = [:]
            for role in roles {
                tokens[role] = try await PasswordReset.issue(
                    for: world.users[role]!, by: .commandLine("test"), on: app.db
                ).token
            }
            let outcomes = try await withThrowingTaskGroup(of: (Role, String, Bool).self) { group in
                for role in roles {
                    for new in ["first new password", "second new password"] {
                        let token = tokens[role]!
                        group.addTask {
                            do {
                                _ = try await PasswordReset.use(
                                    token, .init(newPassword: new, confirmation: new), hasher: app.password.async,
                                    on: app.db)
                                return (role, new, true)
                            } catch HavenError.conflict {
                                return (role, new, false)
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for role in roles {
                let winners = outcomes.filter { $0.0 == role && $0.2 }
                #expect(winners.count == 1, "\(outcomes.filter { $0.0 == role })")
                let stored = try #require(try await User.find(world.users[role]!.id, on: app.db))
                #expect(try Bcrypt.verify(winners.first?.1 ?? "", created: stored.passwordHash), "\(role)")
            }
        }
    }

    @Test func twoWorkflowStepsOnOneComplaintAtOnceLeaveOneWinnerAndExactCounters() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var ids: [UUID] = []
            for index in 0..<12 {
                let item = try await FeedbackAPITests.record(
                    app, world,
                    FeedbackAPITests.input(
                        index.isMultiple(of: 2) ? world.alpha : world.beta,
                        category: "MAJOR")
                ).json(FeedbackAPITests.Item.self)
                for step: [String: Any] in [["to": "acknowledged"], ["to": "responded", "response": "Repaired"]] {
                    _ = try await app.testing().sendRequest(
                        .POST, "/api/v1/feedback/\(item.id)/transitions", headers: world.headers(.coordinator),
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
                            let answer = try await app.testing().sendRequest(
                                .POST, "/api/v1/feedback/\(id)/transitions",
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
                #expect(
                    stored.status == (winners.first?.1 == 0 ? .closed : .inProgress),
                    "the winner's step is the one stored")
            }
            let items = try await FeedbackItem.query(on: app.db).all()
            #expect(
                try await FeedbackFiguresTests.storedTallies(app.db)
                    == FeedbackTally.total(items.compactMap(\.tallyFacts).map { ($0, 1) }))
        }
    }

    @Test func theSameFileConfirmedTwiceAtOnceIsImportedOnce() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            func stage() async throws -> UUID {
                var upload = ActivityImportAPITests.multipart(ActivityImportTests.csv(ActivityImportTests.good))
                upload.0.add(contentsOf: world.headers(.partner))
                let checked = try await app.testing().sendRequest(
                    .POST, "/api/v1/activities/imports", headers: upload.0, body: upload.1)
                return try #require(try checked.json(ActivityImportAPITests.Preview.self).id)
            }
            let first = try await stage()
            let second = try await stage()
            let statuses = try await withThrowingTaskGroup(of: (UUID, HTTPStatus).self) { group in
                for id in [first, first, second, second] {
                    group.addTask {
                        (
                            id,
                            try await app.testing().sendRequest(
                                .POST, "/api/v1/activities/imports/\(id)/commit", headers: world.headers(.partner)
                            ).status
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Each staged file is imported by one confirmation; a second file of the same lines either finds them there
            // (nothing to change) or meets the first at the unique index (409).
            #expect(statuses.filter { $0.0 == first && $0.1 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0.0 == second && $0.1 == .ok }.count <= 1, "\(statuses)")
            #expect(statuses.allSatisfy { [.ok, .conflict].contains($0.1) }, "\(statuses)")
            let lines = try await Activity.query(on: app.db).filter(\.$archivedAt == nil).all()
            #expect(lines.count == 3 && Set(lines.map(\.naturalKey)).count == 3)
        }
    }

    /// A line changed by someone else while a checked file is confirmed: the change being saved is waited for, and the
    /// file is checked again against it, so the audit trail's "before" is what the line really held.
    @Test func aLineChangedWhileACheckedFileIsConfirmedIsCheckedAgainNotOverwrittenBlindly() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            func stage(_ rows: [String]) async throws -> UUID {
                var upload = ActivityImportAPITests.multipart(ActivityImportTests.csv(rows))
                upload.0.add(contentsOf: world.headers(.partner))
                let checked = try await app.testing().sendRequest(
                    .POST, "/api/v1/activities/imports", headers: upload.0, body: upload.1)
                return try #require(try checked.json(ActivityImportAPITests.Preview.self).id)
            }
            func commit(_ id: UUID) async throws -> HTTPStatus {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/activities/imports/\(id)/commit", headers: world.headers(.partner)
                ).status
            }
            #expect(try await commit(try await stage(ActivityImportTests.good)) == .ok)
            var changed = ActivityImportTests.good
            changed[0] = changed[0].replacingOccurrences(of: ",500,300,", with: ",500,301,")
            let staged = try await stage(changed)
            let line = try #require(try await Activity.query(on: app.db).filter(\.$activityCode == "WASH-01").first())
            let holder = Task {
                try await app.db.write { tx in
                    let before = line.auditFields
                    line.comment = "Corrected by the site manager"
                    _ = try await Audit.update(line, before: before, by: Actor.commandLine("test"), on: tx)
                    try await Task.sleep(for: .milliseconds(800))
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await commit(staged) == .ok)
            try await holder.value
            let events = try await AuditEvent.query(on: app.db).filter(\.$entityID == line.id!).sort(\.$at).all()
            let imported = try #require(events.last { $0.changes.contains { $0.field == "reached" } })
            #expect(
                imported.changes.first { $0.field == "comment" }?.before == "Corrected by the site manager",
                "the import saw the change it waited for: \(imported.changes)")
        }
    }

    @Test func theMigrationArchivesLinesWrittenTwiceThenHoldsOneLiveLinePerKey() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let partner = try #require(try await CurrentUserMiddleware.user(id: world.users[.partner]!.id!, on: app.db))
            _ = try await Imports.commit(
                .activities, text: ActivityImportTests.csv(ActivityImportTests.good), user: partner, by: partner.actor,
                on: app.db)
            try await IndexLiveActivityKeys().revert(on: app.db)
            let lines = try await Activity.query(on: app.db).all()
            try await Activity.insert(lines.map(Self.copy), on: app.db)
            #expect(try await Activity.query(on: app.db).filter(\.$archivedAt == nil).count() == 6)
            try await IndexLiveActivityKeys().prepare(on: app.db)
            #expect(try await Activity.query(on: app.db).filter(\.$archivedAt == nil).count() == 3)
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$action == .archive).filter(
                    \.$entity == Activity.auditEntity
                ).count() == 3)
            await #expect { try await Activity.insert([Self.copy(lines[0])], on: app.db) } throws: {
                ($0 as? any DatabaseError)?.isConstraintFailure == true
            }
        }
    }

    /// The same line under a new id, as a doubled import wrote it.
    static func copy(_ line: Activity) -> Activity {
        let copy = Activity()
        copy.id = UUID()
        copy.$reportingOrganisation.id = line.$reportingOrganisation.id
        copy.$implementingOrganisation.id = line.$implementingOrganisation.id
        copy.$donor.id = line.$donor.id
        copy.$activityType.id = line.$activityType.id
        copy.$site.id = line.$site.id
        copy.$adminArea.id = line.$adminArea.id
        (copy.activityCode, copy.sector, copy.status, copy.startOn, copy.endOn, copy.month, copy.modality) =
            (line.activityCode, line.sector, line.status, line.startOn, line.endOn, line.month, line.modality)
        (copy.targeted, copy.reached, copy.targetedCells, copy.reachedCells) = (
            line.targeted, line.reached, line.targetedCells, line.reachedCells
        )
        (copy.householdsTargeted, copy.householdsReached, copy.comment, copy.naturalKey) =
            (line.householdsTargeted, line.householdsReached, line.comment, line.naturalKey)
        return copy
    }

    /// The same request sent by several people at the same instant; their answers.
    static func atOnce(_ app: Application, _ times: Int, _ path: String, headers: HTTPHeaders, body: [String: Any])
        async throws -> [HTTPStatus]
    {
        let buffer = try jsonBody(body)
        return try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for _ in 0..<times {
                group.addTask {
                    try await app.testing().sendRequest(.POST, path, headers: headers, body: buffer).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func theSameTargetAndTheSameCountSetAtOnceAreKeptOnce() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let targets = try await Self.atOnce(
                app, 4, "/api/v1/targets", headers: world.headers(.coordinator),
                body: ["sector": "WASH", "fromMonth": "2026-01", "toMonth": "2026-12", "people": 1000])
            #expect(
                targets.filter { $0 == .created }.count == 1
                    && targets.allSatisfy { [.created, .conflict].contains($0) }, "\(targets)")
            #expect(try await ResponseTarget.query(on: app.db).count() == 1)
            let counts = try await Self.atOnce(
                app, 4, "/api/v1/sites/\(world.alpha.id!)/population-counts", headers: world.headers(.coordinator),
                body: PopulationAPITests().count("2025-06-01", 100))
            #expect(
                counts.filter { $0 == .created }.count == 1
                    && counts.allSatisfy { [.created, .conflict, .unprocessableEntity].contains($0) },
                "\(counts)")
            #expect(try await PopulationCount.query(on: app.db).filter(\.$countedOn == "2025-06-01").count() == 1)
        }
    }

    @Test func instancesStartedTogetherOnOneEmptyDatabaseAllComeUp() async throws {
        guard TestDatabase.postgresURL != nil else { return }  // SQLite serves one process
        let database = try await TestDatabase.make()
        let settings = Settings(
            storage: database.storage, dataDirectory: database.directory,
            feedbackKeyring: "1:" + FeedbackCipher.newKeyText())
        let apps = try await withThrowingTaskGroup(of: Application.self) { group in
            for _ in 0..<3 { group.addTask { try await HavenApp.make(settings, environment: .testing) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for app in apps {
            #expect(
                try await Migrations.all.count <= app.db.sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations")
                    .first()?.decode(column: "n", as: Int.self) ?? 0)
            try await app.asyncShutdown()
        }
        try await database.drop()
    }

    @Test func throttlesAndPasswordsHoldAcrossInstancesOfOneDatabase() async throws {
        try await withHaven(adjust: { $0.failedLoginLimit = 3 }) { first in
            let world = try await World.make(on: first)
            let second = try await HavenApp.make(first.havenSettings, environment: .testing)
            func login(_ app: Application, _ password: String) async throws -> HTTPStatus {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                    body: try jsonBody(["email": "viewer@test.haven", "password": password])
                ).status
            }
            do {
                #expect(try await login(first, "wrong one") == .forbidden)
                #expect(try await login(second, "wrong two") == .forbidden)
                #expect(try await login(first, "wrong three") == .forbidden)
                #expect(
                    try await login(second, World.password) == .tooManyRequests,
                    "three failures on two instances are three")

                var basic = HTTPHeaders()
                basic.basicAuthorization = BasicAuthorization(username: "partner@test.haven", password: World.password)
                #expect(
                    try await second.testing().sendRequest(.GET, "/v1/projects/1/formList", headers: basic).status
                        == .ok)
                let partner = world.users[.partner]!
                let change = try await first.testing().sendRequest(
                    .PUT, "/api/v1/users/\(partner.id!)", headers: world.headers(.administrator),
                    body: try jsonBody([
                        "email": "partner@test.haven", "role": "partner", "organisationId": world.nrc.id!.uuidString,
                        "password": "changed on the first instance",
                    ]))
                #expect(change.status == .ok)
                #expect(
                    try await second.testing().sendRequest(.GET, "/v1/projects/1/formList", headers: basic).status
                        == .unauthorized,
                    "the second instance's remembered login ends with the password")
            } catch {
                try await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    @Test func anInstanceWithAnotherFeedbackKeyRefusesToStart() async throws {
        let database = try await TestDatabase.make()
        let (a, b, c) = (FeedbackCipher.newKeyText(), FeedbackCipher.newKeyText(), FeedbackCipher.newKeyText())
        func settings(_ ring: String) -> Settings {
            Settings(storage: database.storage, dataDirectory: database.directory, feedbackKeyring: ring)
        }
        let first = try await HavenApp.make(settings("1:" + a), environment: .testing)
        do {
            let world = try await World.make(on: first)
            #expect(
                try await FeedbackAPITests.record(first, world, FeedbackAPITests.input(world.alpha, category: "PSEA"))
                    .status == .created)
        } catch {
            try await first.asyncShutdown()
            throw error
        }
        try await first.asyncShutdown()
        for (ring, why) in [("1:" + b, "is not the one"), ("2:" + c, "needs the key with id 1")] {
            await #expect { _ = try await HavenApp.make(settings(ring), environment: .testing) } throws: {
                "\($0)".contains(why)
            }
        }
        let rotated = try await HavenApp.make(settings("2:\(c),1:\(a)"), environment: .testing)
        try await rotated.asyncShutdown()
        try await database.drop()
    }

    @Test func loadBalancersAskWhetherAnInstanceLivesAndCanServe() async throws {
        try await withHaven { app in
            #expect(try await app.testing().sendRequest(.GET, "/health").status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/ready").status == .ok)
            try await IndexCountDays().revert(on: app.db)
            try await app.db.sql.raw("DELETE FROM _fluent_migrations WHERE name LIKE '%IndexCountDays'").run()
            let migrating = try await app.testing().sendRequest(.GET, "/ready")
            #expect(migrating.status == .serviceUnavailable && migrating.text.contains("migrations applied"))
        }
    }

    @Test func metricsCountRequestsByRoutePatternForAScraperWithTheToken() async throws {
        try await withHaven(adjust: { $0.metricsToken = "scrape-me" }) { app in
            let world = try await World.make(on: app)
            _ = try await app.testing().sendRequest(
                .GET, "/api/v1/sites/\(world.alpha.id!)", headers: world.headers(.viewer))
            #expect(try await app.testing().sendRequest(.GET, "/metrics").status == .notFound, "not without the token")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: "scrape-me")
            let scraped = try await app.testing().sendRequest(.GET, "/metrics", headers: headers)
            #expect(scraped.status == .ok)
            #expect(
                scraped.text.contains(
                    "haven_http_requests_total{method=\"GET\",route=\"/api/v1/sites/:id\",status=\"200\"} 1"))
            #expect(
                !scraped.text.contains(world.alpha.id!.uuidString)
                    && scraped.text.contains("haven_import_jobs{phase=\"checking\"} 0"))
            #expect(
                scraped.text.contains("haven_database_pool_max ")
                    && scraped.text.contains("haven_round_batch_size_count 0"))
            if TestDatabase.postgresURL != nil {
                #expect(
                    scraped.text.contains("haven_database_connections{state=\"active\"}"),
                    "the scrape itself is an active connection")
            }
        }
    }

    /// The replica here is a second database that no write reaches, so what a page shows says where it read.
    @Test(.enabled(if: TestDatabase.postgresURL != nil, "a read replica is PostgreSQL"))
    func dashboardsFiguresAndPublicPagesReadTheReplicaWhileWritesAndListsUseThePrimary() async throws {
        let replica = try await TestDatabase.make()
        guard case .postgres(let replicaURL) = replica.storage else { return }
        try await withHaven(adjust: { $0.storage = replica.storage }) { _ in }
        try await withHaven(adjust: { $0.readReplicaURL = replicaURL }) { app in
            let world = try await World.make(on: app)
            let sites = try await app.testing().sendRequest(.GET, "/api/v1/sites", headers: world.headers(.viewer))
            #expect(sites.status == .ok && sites.text.contains(world.alpha.code), "lists read the primary")
            let map = try await app.testing().sendRequest(
                .GET, "/api/v1/exports/sites.geojson", headers: world.headers(.viewer))
            #expect(map.status == .ok && !map.text.contains(world.alpha.code), "the site map reads the empty replica")
            let poster = try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code)")
            #expect(
                poster.status == .notFound, "the public poster reads the replica, where the site does not exist yet")
            #expect(try await app.testing().sendRequest(.GET, "/ready").status == .ok)
        }
        try await replica.drop()
    }

    /// Two people saving and publishing the same copy of a month's report at once: the conditional update on its
    /// version lets one through; the others get 409, and the published text is the one that won.
    @Test func twoChangesOfOneReportCopyLeaveOneWinner() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let month = ReportingMonth(CalendarDay.today()).description
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.coordinator), body: try jsonBody(["month": month]))
            #expect(created.status == .created)
            let outcomes = try await withThrowingTaskGroup(of: (String, HTTPStatus).self) { group in
                for (index, role) in [Role.coordinator, .administrator, .coordinator, .administrator].enumerated() {
                    let text = "# Report\nwritten by hand \(index)\n"
                    let body = try jsonBody(["text": text, "version": 1])
                    let publish = try jsonBody(["version": 1])
                    group.addTask {
                        let answer =
                            index == 3
                            ? try await app.testing().sendRequest(
                                .POST, "/api/v1/reports/\(month)/publish", headers: world.headers(role), body: publish)
                            : try await app.testing().sendRequest(
                                .PUT, "/api/v1/reports/\(month)", headers: world.headers(role), body: body)
                        return (index == 3 ? "publish" : text, answer.status)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.filter { $0.1 == .ok }
            #expect(winners.count == 1, "\(outcomes)")
            #expect(outcomes.allSatisfy { [.ok, .conflict].contains($0.1) }, "\(outcomes)")
            let stored = try #require(try await SituationReports.find(ReportingMonth(month)!, on: app.db))
            #expect(stored.version == 2)
            if winners.first?.0 == "publish" {
                #expect(stored.status == .published)
            } else {
                #expect(stored.status == .draft && stored.text == winners.first?.0)
            }
        }
    }
}
