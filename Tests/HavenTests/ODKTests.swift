import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

@Suite struct ODKTests {
    let catalogue = IndicatorSeed.entries.map(\.body)

    func xml(
        site: String = "BO0101_0001", day: String = "2025-02-10", instance: String = "uuid:1", toilets: String = "12"
    ) -> String {
        "<?xml version=\"1.0\"?><data id=\"haven_site_monitoring\" version=\"1\"><site>\(site)</site><conducted_on>\(day)</conducted_on>"
            + "<key_informants>camp leader; women's representative</key_informants><WASH-TOILETS>\(toilets)</WASH-TOILETS>"
            + "<SMT-THREAT-FIRE></SMT-THREAT-FIRE><SMT-SERVICE-WATER>adequate</SMT-SERVICE-WATER>"
            + "<meta><instanceID>\(instance)</instanceID></meta></data>"
    }

    @Test func aSubmissionIsReadIntoARound() throws {
        let parsed = try RoundSubmission.parse(Data(xml().utf8), catalogue: catalogue)
        #expect(parsed.instanceID == "uuid:1" && parsed.siteCode == "BO0101_0001")
        #expect(
            parsed.input
                == RoundInput(
                    conductedOn: CalendarDay("2025-02-10")!, keyInformants: ["camp leader", "women's representative"],
                    values: ["WASH-TOILETS": .number(12), "SMT-SERVICE-WATER": .text("adequate")]))
    }

    @Test func brokenSubmissionsAreExplained() {
        #expect(throws: HavenError.self) {
            try RoundSubmission.parse(Data("<data id='haven_site_monitoring'><site>".utf8), catalogue: catalogue)
        }
        do {
            _ = try RoundSubmission.parse(
                Data(xml(day: "10/02/2025", instance: "", toilets: "many").utf8), catalogue: catalogue)
            Issue.record("accepted")
        } catch HavenError.invalid(let errors) {
            #expect(Set(errors.map(\.field)) == ["conducted_on", "meta/instanceID", "WASH-TOILETS"])
        } catch {
            Issue.record("\(error)")
        }
        let otherForm = xml().replacingOccurrences(of: "haven_site_monitoring", with: "household_survey")
        #expect(throws: HavenError.self) { try RoundSubmission.parse(Data(otherForm.utf8), catalogue: catalogue) }
    }

    @Test func theGeneratedFormAsksEveryQuestionButTheComputedOnes() {
        let form = MonitoringXForm.document(Catalogue.Version(number: 3, indicators: catalogue))
        #expect(form.contains("<data id=\"haven_site_monitoring\" version=\"3\">"))
        #expect(
            form.contains("<select1 ref=\"/data/SMT-SERVICE-WATER\">") && form.contains("<value>non_existent</value>"))
        #expect(!form.contains("WASH-LATRINE-RATIO"))
        #expect(ODKForms.hash(form).hasPrefix("md5:") && ODKForms.hash(form).count == 36)
    }

    @Test func resubmissionsAreStoredOnceAndChangedOnesRefused() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let manager = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.siteManager]!.id!, on: app.db))
            let first = try await RoundSubmissionIntake.receive(
                Data(xml().utf8), from: manager, on: app.db, writer: RoundWriter(metrics: Metrics()))
            guard case .created(let round) = first else {
                Issue.record("not created")
                return
            }
            #expect(round.source == .odk && round.submitterID == manager.id)
            let again = try await RoundSubmissionIntake.receive(
                Data(xml().utf8), from: manager, on: app.db, writer: RoundWriter(metrics: Metrics()))
            guard case .duplicate(let same) = again else {
                Issue.record("not recognised")
                return
            }
            #expect(same.id == round.id)
            await #expect(throws: HavenError.self) {
                _ = try await RoundSubmissionIntake.receive(
                    Data(xml(toilets: "13").utf8), from: manager, on: app.db, writer: RoundWriter(metrics: Metrics()))
            }
            await #expect(throws: HavenError.self) {
                _ = try await RoundSubmissionIntake.receive(
                    Data(xml(site: "BO0101_0002", instance: "uuid:2").utf8), from: manager, on: app.db,
                    writer: RoundWriter(metrics: Metrics()))
            }
            await #expect(throws: HavenError.self) {
                _ = try await RoundSubmissionIntake.receive(
                    Data(xml(site: "NOPE", instance: "uuid:3").utf8), from: manager, on: app.db,
                    writer: RoundWriter(metrics: Metrics()))
            }
            #expect(try await MonitoringRound.query(on: app.db).count() == 1)
        }
    }

    @Test func submissionsArrivingTogetherAreCommittedTogetherAndEachSiteKeepsItsNewestAsLatest() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let coordinator = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.coordinator]!.id!, on: app.db))
            let metrics = Metrics()
            let writer = RoundWriter(metrics: metrics)
            let sites = [world.alpha.code, world.beta.code, world.gamma.code]
            var bodies = sites.flatMap { site in
                (1...9).map { day in xml(site: site, day: "2025-02-0\(day)", instance: "uuid:\(site)-\(day)") }
            }
            bodies += [
                xml(site: sites[0], day: "2025-03-01", instance: "uuid:twice"),
                xml(site: sites[0], day: "2025-03-01", instance: "uuid:twice"),
            ]
            let outcomes = try await withThrowingTaskGroup(of: RoundSubmissionIntake.Outcome.self) { group in
                for body in bodies.shuffled() {
                    group.addTask {
                        try await RoundSubmissionIntake.receive(
                            Data(body.utf8), from: coordinator, on: app.db, writer: writer)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let created = outcomes.filter { if case .created = $0 { true } else { false } }
            #expect(created.count == 28 && outcomes.count == 29, "the same instance sent twice at once is stored once")
            let rounds = try await MonitoringRound.query(on: app.db).all()
            #expect(rounds.count == 28)
            let latest = rounds.filter(\.latest).map { "\($0.$site.id) \($0.conductedOn)" }
            #expect(latest.count == 3)
            #expect(
                Set(latest) == [
                    "\(world.alpha.id!) 2025-03-01", "\(world.beta.id!) 2025-02-09", "\(world.gamma.id!) 2025-02-09",
                ])
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$entity == MonitoringRound.auditEntity).count() == 28)
            let exposition = await metrics.text(extra: [])
            let written = try #require(
                exposition.split(separator: "\n").first { $0.hasPrefix("haven_round_batch_size_sum ") })
            #expect(
                ["haven_round_batch_size_sum 28", "haven_round_batch_size_sum 29"].contains(String(written)),
                "every round that reached the writer is counted in a batch")
        }
    }

    @Test func collectLogsInWithBasicAuthAndGetsTheFormList() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            try await app.testing().test(.GET, "/v1/projects/1/formList") { res in
                #expect(
                    res.status == .unauthorized && res.headers.first(name: .wwwAuthenticate)?.hasPrefix("Basic") == true
                )
            }
            var headers = HTTPHeaders()
            headers.basicAuthorization = BasicAuthorization(username: "viewer@test.haven", password: World.password)
            try await app.testing().test(.GET, "/v1/projects/1/formList", headers: headers) { res in
                #expect(res.status == .ok && res.headers.first(name: "X-OpenRosa-Version") == "1.0")
                #expect(
                    res.body.string.contains("<formID>haven_site_monitoring</formID>")
                        && res.body.string.contains("<formID>haven_feedback</formID>"))
            }
            try await app.testing().test(.GET, "/v1/projects/2/formList", headers: headers) {
                #expect($0.status == .notFound)
            }
            headers.basicAuthorization = BasicAuthorization(username: "viewer@test.haven", password: "wrong")
            try await app.testing().test(.GET, "/v1/projects/1/formList", headers: headers) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    /// The feedback form's site is a choice from an attached CSV (searched, narrowed to a province); Collect finds
    /// the files through the form list's manifest, each with its hash.
    @Test func collectGetsTheSitesToChooseFromAsAttachedFiles() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var headers = HTTPHeaders()
            headers.basicAuthorization = BasicAuthorization(username: "partner@test.haven", password: World.password)
            let list = try await app.testing().sendRequest(.GET, "/v1/projects/1/formList", headers: headers)
            #expect(list.body.string.contains("/v1/projects/1/forms/haven_feedback/manifest</manifestUrl>"))
            #expect(!list.body.string.contains("haven_site_monitoring/manifest"), "a form without files has none")
            let manifest = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback/manifest", headers: headers)
            #expect(manifest.status == .ok && manifest.body.string.contains("<filename>sites.csv</filename>"))
            let sites = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback/attachments/sites.csv", headers: headers)
            #expect(sites.status == .ok)
            let rows = try CSV.parse(sites.body.string, limits: TableLimits.csv).filter { $0 != [""] }
            #expect(rows.first == ["name", "label", "adm1"])
            #expect(rows.contains([world.alpha.code, "Alpha camp (\(world.alpha.code))", "BO01"]))
            #expect(rows.contains { $0.first == world.gamma.code && $0.last == "BO02" })
            #expect(manifest.body.string.contains("<hash>\(ODKForms.hash(sites.body.string))</hash>"))
            let areas = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback/attachments/areas.csv", headers: headers)
            #expect(areas.body.string == "name,label\nBO01,North (BO01)\nBO02,South (BO02)\n")
            for missing in ["/forms/haven_feedback/attachments/users.csv", "/forms/nope/manifest"] {
                let answer = try await app.testing().sendRequest(.GET, "/v1/projects/1" + missing, headers: headers)
                #expect(answer.status == .notFound, "\(missing)")
            }
            let form = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback.xml", headers: headers)
            #expect(form.body.string.contains("<instance id=\"sites\" src=\"jr://file-csv/sites.csv\"/>"))
            #expect(
                form.body.string.contains(
                    "<select1 ref=\"/data/site\" appearance=\"search\">")
                    && form.body.string.contains("instance('sites')/root/item[/data/adm1 = '' or adm1 = /data/adm1]"))
            // A form filled with the province chosen reads as before.
            let filled = feedbackXML(site: world.alpha.code).replacingOccurrences(
                of: "<site>", with: "<adm1>BO01</adm1><site>")
            #expect(try FeedbackSubmission.parse(ODKSubmission.read(Data(filled.utf8))).siteCode == world.alpha.code)
        }
    }

    func feedbackXML(
        site: String = "BO0101_0001", instance: String = "uuid:f1", category: String = "PSEA", consent: String = "yes"
    ) -> String {
        "<?xml version=\"1.0\"?><data id=\"haven_feedback\" version=\"1\"><start>2025-02-10T09:15:00.000+02:00</start><site>\(site)</site>"
            + "<category>\(category)</category><sector>Protection</sector><description>PLANTED a guard asks for favours</description>"
            + "<wants_answer>yes</wants_answer><consent>\(consent)</consent><contact>+211 PLANTED</contact><sex>female</sex><age_group>18_59</age_group>"
            + "<disability/><meta><instanceID>\(instance)</instanceID></meta></data>"
    }

    @Test func theFeedbackFormIsReadIntoAnItem() throws {
        let read = try FeedbackSubmission.parse(ODKSubmission.read(Data(feedbackXML().utf8)))
        #expect(read.instanceID == "uuid:f1" && read.siteCode == "BO0101_0001")
        #expect(read.input.receivedAt == Date(timeIntervalSince1970: 1_739_171_700) && read.input.channel == .odk)
        #expect(
            read.input.contact == "+211 PLANTED" && read.input.consentToContact && read.input.wantsAnswer == true
                && read.input.disability == nil)
        let refused = try FeedbackSubmission.parse(ODKSubmission.read(Data(feedbackXML(consent: "no").utf8)))
        #expect(refused.input.contact == nil, "a contact is kept only with consent")
        let bad = feedbackXML(instance: "").replacingOccurrences(of: "<sex>female", with: "<sex>woman")
            .replacingOccurrences(of: "<start>2025", with: "<start>yesterday")
        do {
            _ = try FeedbackSubmission.parse(ODKSubmission.read(Data(bad.utf8)))
            Issue.record("accepted")
        } catch HavenError.invalid(let errors) {
            #expect(Set(errors.map(\.field)) == ["meta/instanceID", "sex", "start"])
        }
        let wordings = try Wordings(codes: ["en", "fr", "es", "ar"], directory: nil)
        let form = FeedbackXForm.document(categories: FeedbackCategorySeed.categories(), languages: wordings.languages)
        #expect(
            form.document.contains("<value>PSEA</value>") && form.document.contains("(sensitive)")
                && form.document.contains("relevant=\"/data/consent = 'yes'\""))
        // Every language is a translation the enumerator picks in Collect, English the default; each names every
        // question and choice, the confidential categories in the language too.
        #expect(form.document.contains("<translation lang=\"English (en)\" default=\"true()\">"))
        for (language, psea) in [
            ("Français (fr)", "Exploitation ou abus sexuels par des travailleurs humanitaires (sensible)"),
            ("العربية (ar)", "الاستغلال أو الاعتداء الجنسي من قبل العاملين في المجال الإنساني (حساسة)"),
        ] {
            let translation = try #require(
                form.document.components(separatedBy: "<translation lang=\"\(language)\">").dropFirst().first?
                    .components(separatedBy: "</translation>").first)
            #expect(translation.contains(psea), "\(language)")
            #expect(
                translation.components(separatedBy: "<text id=").count
                    == form.document.components(separatedBy: "jr:itext(").count)
        }
        let english = FeedbackXForm.document(categories: FeedbackCategorySeed.categories(), languages: [])
        #expect(english.version != form.version, "the version follows the words")
    }

    @Test func feedbackFromCollectIsSealedStoredOnceAndChecked() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            var headers = HTTPHeaders()
            headers.basicAuthorization = BasicAuthorization(
                username: "site_manager@test.haven", password: World.password)
            func send(_ xml: String) async throws -> TestingHTTPResponse {
                var body = ByteBufferAllocator().buffer(capacity: 0)
                body.writeString(
                    "--B\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"s.xml\"\r\nContent-Type: text/xml\r\n\r\n\(xml)\r\n--B--\r\n"
                )
                var sent = headers
                sent.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "B"])
                return try await app.testing().sendRequest(
                    .POST, "/v1/projects/1/submission", headers: sent, body: body)
            }
            let first = try await send(feedbackXML(site: world.alpha.code))
            #expect(first.status == .created && first.body.string.contains("feedback is recorded"))
            #expect(try await send(feedbackXML(site: world.alpha.code)).body.string.contains("already received"))
            let edited = feedbackXML(site: world.alpha.code).replacingOccurrences(of: "favours", with: "money")
            #expect(
                try await send(edited).status == .conflict,
                "a different body under a known instance ID is an edit, refused as for rounds")
            #expect(
                try await send(feedbackXML(site: world.gamma.code, instance: "uuid:f2")).status == .forbidden,
                "not a site this manager runs")
            let unknown = try await send(feedbackXML(site: world.alpha.code, instance: "uuid:f3", category: "BLANKETS"))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("category"))
            // ODK Collect says it speaks OpenRosa, and is answered in the response format it shows the enumerator.
            headers.replaceOrAdd(name: "X-OpenRosa-Version", value: "1.0")
            let shown = try await send(feedbackXML(site: world.alpha.code, instance: "uuid:f4", category: "BLANKETS"))
            #expect(shown.status == .unprocessableEntity && shown.headers.contentType?.subType == "xml")
            #expect(
                shown.body.string.contains("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">")
                    && shown.body.string.contains("nature=\"submit_error\"") && shown.body.string.contains("category"))
            let refusals = try await AuditEvent.query(on: app.db).filter(\.$action == .refuse).count()
            let refused = try await send(feedbackXML(site: world.gamma.code, instance: "uuid:f5"))
            #expect(refused.status == .forbidden && refused.body.string.contains("submit_error"))
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$action == .refuse).count() == refusals + 1,
                "the refusal is on the trail")
            let notXML = try await send("<data id='haven_feedback'><site>")
            #expect(notXML.status == .badRequest && notXML.body.string.contains("<OpenRosaResponse"))
            let items = try await FeedbackItem.query(on: app.db).all()
            #expect(
                items.count == 1 && items[0].channel == .odk && items[0].sensitive && items[0].instanceID == "uuid:f1")
            #expect(
                !items[0].description.contains("PLANTED") && !items[0].contact.contains("PLANTED"), "sealed at rest")
            let central = try await app.testing().sendRequest(
                .POST, "/v1/projects/1/forms/haven_site_monitoring/submissions", headers: headers,
                body: ByteBuffer(string: feedbackXML(site: world.alpha.code, instance: "uuid:f4")))
            #expect(central.status == .unprocessableEntity, "a feedback form posted as a monitoring round")
            let listing = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback/submissions", headers: headers)
            #expect(listing.status == .notFound, "feedback is not read back through the ODK API")
            let attachments = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback/submissions/uuid:f1/attachments", headers: headers)
            #expect(attachments.status == .ok, "a client may ask whether what it sent arrived")
            let one = try await app.testing().sendRequest(
                .GET, "/v1/projects/1/forms/haven_feedback/submissions/uuid:f1", headers: headers)
            #expect(one.status == .notFound, "nor is one item read back")
        }
    }
}
