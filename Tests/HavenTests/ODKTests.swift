import Fluent
import Foundation
@testable import Haven
import Testing
import Vapor
import VaporTesting

@Suite struct ODKTests {
    let catalogue = IndicatorSeed.entries.map(\.body)

    func xml(site: String = "BO0101_0001", day: String = "2025-02-10", instance: String = "uuid:1", toilets: String = "12") -> String {
        "<?xml version=\"1.0\"?><data id=\"haven_site_monitoring\" version=\"1\"><site>\(site)</site><conducted_on>\(day)</conducted_on>"
            + "<key_informants>camp leader; women's representative</key_informants><WASH-TOILETS>\(toilets)</WASH-TOILETS>"
            + "<SMT-THREAT-FIRE></SMT-THREAT-FIRE><SMT-SERVICE-WATER>adequate</SMT-SERVICE-WATER>"
            + "<meta><instanceID>\(instance)</instanceID></meta></data>"
    }

    @Test func aSubmissionIsReadIntoARound() throws {
        let parsed = try SubmissionXML.parse(Data(xml().utf8), catalogue: catalogue)
        #expect(parsed.instanceID == "uuid:1" && parsed.siteCode == "BO0101_0001")
        #expect(parsed.input == RoundInput(conductedOn: CalendarDay("2025-02-10")!, keyInformants: ["camp leader", "women's representative"],
                                           values: ["WASH-TOILETS": .number(12), "SMT-SERVICE-WATER": .text("adequate")]))
    }

    @Test func brokenSubmissionsAreExplained() {
        #expect(throws: HavenError.self) { try SubmissionXML.parse(Data("<data id='haven_site_monitoring'><site>".utf8), catalogue: catalogue) }
        do {
            _ = try SubmissionXML.parse(Data(xml(day: "10/02/2025", instance: "", toilets: "many").utf8), catalogue: catalogue)
            Issue.record("accepted")
        } catch HavenError.invalid(let errors) {
            #expect(Set(errors.map(\.field)) == ["conducted_on", "meta/instanceID", "WASH-TOILETS"])
        } catch {
            Issue.record("\(error)")
        }
        let otherForm = xml().replacingOccurrences(of: "haven_site_monitoring", with: "household_survey")
        #expect(throws: HavenError.self) { try SubmissionXML.parse(Data(otherForm.utf8), catalogue: catalogue) }
    }

    @Test func theGeneratedFormAsksEveryQuestionButTheComputedOnes() {
        let form = XForm.document(Catalogue.Version(number: 3, indicators: catalogue))
        #expect(form.contains("<data id=\"haven_site_monitoring\" version=\"3\">"))
        #expect(form.contains("<select1 ref=\"/data/SMT-SERVICE-WATER\">") && form.contains("<value>non_existent</value>"))
        #expect(!form.contains("WASH-LATRINE-RATIO"))
        #expect(XForm.hash(form).hasPrefix("md5:") && XForm.hash(form).count == 36)
    }

    @Test func resubmissionsAreStoredOnceAndChangedOnesRefused() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let manager = try #require(try await CurrentUserMiddleware.user(id: world.users[.siteManager]!.id!, on: app.db))
            let first = try await SubmissionIntake.receive(Data(xml().utf8), from: manager, on: app.db, writer: RoundWriter())
            guard case .created(let round) = first else { Issue.record("not created"); return }
            #expect(round.source == .odk && round.submitterID == manager.id)
            let again = try await SubmissionIntake.receive(Data(xml().utf8), from: manager, on: app.db, writer: RoundWriter())
            guard case .duplicate(let same) = again else { Issue.record("not recognised"); return }
            #expect(same.id == round.id)
            await #expect(throws: HavenError.self) { _ = try await SubmissionIntake.receive(Data(xml(toilets: "13").utf8), from: manager, on: app.db, writer: RoundWriter()) }
            await #expect(throws: HavenError.self) {
                _ = try await SubmissionIntake.receive(Data(xml(site: "BO0101_0002", instance: "uuid:2").utf8), from: manager, on: app.db, writer: RoundWriter())
            }
            await #expect(throws: HavenError.self) {
                _ = try await SubmissionIntake.receive(Data(xml(site: "NOPE", instance: "uuid:3").utf8), from: manager, on: app.db, writer: RoundWriter())
            }
            #expect(try await MonitoringRound.query(on: app.db).count() == 1)
        }
    }

    @Test func submissionsArrivingTogetherAreCommittedTogetherAndEachSiteKeepsItsNewestAsLatest() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let coordinator = try #require(try await CurrentUserMiddleware.user(id: world.users[.coordinator]!.id!, on: app.db))
            let writer = RoundWriter()
            let sites = [world.alpha.code, world.beta.code, world.gamma.code]
            var bodies = sites.flatMap { site in (1...9).map { day in xml(site: site, day: "2025-02-0\(day)", instance: "uuid:\(site)-\(day)") } }
            bodies += [xml(site: sites[0], day: "2025-03-01", instance: "uuid:twice"), xml(site: sites[0], day: "2025-03-01", instance: "uuid:twice")]
            let outcomes = try await withThrowingTaskGroup(of: SubmissionIntake.Outcome.self) { group in
                for body in bodies.shuffled() {
                    group.addTask { try await SubmissionIntake.receive(Data(body.utf8), from: coordinator, on: app.db, writer: writer) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let created = outcomes.filter { if case .created = $0 { true } else { false } }
            #expect(created.count == 28 && outcomes.count == 29, "the same instance sent twice at once is stored once")
            let rounds = try await MonitoringRound.query(on: app.db).all()
            #expect(rounds.count == 28)
            let latest = rounds.filter(\.latest).map { "\($0.$site.id) \($0.conductedOn)" }
            #expect(latest.count == 3)
            #expect(Set(latest) == ["\(world.alpha.id!) 2025-03-01", "\(world.beta.id!) 2025-02-09", "\(world.gamma.id!) 2025-02-09"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == MonitoringRound.auditEntity).count() == 28)
        }
    }

    @Test func collectLogsInWithBasicAuthAndGetsTheFormList() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            try await app.testing().test(.GET, "/v1/projects/1/formList") { res in
                #expect(res.status == .unauthorized && res.headers.first(name: .wwwAuthenticate)?.hasPrefix("Basic") == true)
            }
            var headers = HTTPHeaders()
            headers.basicAuthorization = BasicAuthorization(username: "viewer@test.haven", password: World.password)
            try await app.testing().test(.GET, "/v1/projects/1/formList", headers: headers) { res in
                #expect(res.status == .ok && res.headers.first(name: "X-OpenRosa-Version") == "1.0")
                #expect(res.body.string.contains("<formID>haven_site_monitoring</formID>"))
            }
            try await app.testing().test(.GET, "/v1/projects/2/formList", headers: headers) { #expect($0.status == .notFound) }
            headers.basicAuthorization = BasicAuthorization(username: "viewer@test.haven", password: "wrong")
            try await app.testing().test(.GET, "/v1/projects/1/formList", headers: headers) { #expect($0.status == .unauthorized) }
        }
    }
}
