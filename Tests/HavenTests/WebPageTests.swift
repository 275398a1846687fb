import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// The browser pages, driven as a browser would: cookies, CSRF tokens, form posts.
@Suite struct WebPageTests {
    /// Logs in through the form and returns the cookies a browser would now hold.
    func login(_ app: Application, as email: String) async throws -> (cookie: String, csrf: String) {
        let page = try await app.testing().sendRequest(.GET, "/login")
        let csrf = try #require(page.headers.setCookie?[CSRFMiddleware.cookieName]?.string)
        #expect(page.text.contains("value=\"\(csrf)\""))
        let response = try await app.testing().sendRequest(
            .POST, "/login",
            headers: [
                "cookie": "\(CSRFMiddleware.cookieName)=\(csrf)", "content-type": "application/x-www-form-urlencoded",
            ],
            body: ByteBuffer(
                string:
                    "email=\(email)&password=\(World.password.replacingOccurrences(of: " ", with: "+"))&next=%2Fsites&_csrf=\(csrf)"
            ))
        #expect(response.status == .seeOther)
        let session = try #require(response.headers.setCookie?[Login.cookieName]?.string)
        return ("\(Login.cookieName)=\(session); \(CSRFMiddleware.cookieName)=\(csrf)", csrf)
    }

    @Test func areaFiltersSuggestTheOperationsAreasAndTakeTheirNames() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            for path in [
                "/sites", "/activities", "/activities/gaps", "/activities/presence", "/activities/progress",
                "/monitoring",
            ] {
                let page = try await app.testing().sendRequest(.GET, path, headers: world.headers(.viewer))
                #expect(page.status == .ok, "\(path)")
                #expect(
                    page.text.contains("list=\"area-suggestions\"")
                        && page.text.contains("<datalist id=\"area-suggestions\">")
                        && page.text.contains("<option value=\"BO01\" label=\"North\">"), "\(path)")
            }
            let named = try await app.testing().sendRequest(
                .GET, "/sites?adminArea=north%20one", headers: world.headers(.viewer))
            #expect(
                named.status == .ok && named.text.contains("Alpha camp") && !named.text.contains("Gamma settlement"))
        }
    }

    @Test func anonymousVisitorsAreSentToTheLoginPage() async throws {
        try await withHaven { app in
            try await app.testing().test(.GET, "/sites") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/login?next=%2Fsites")
            }
        }
    }

    @Test func theSiteListAndSitePageShowTheRegistry() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, _) = try await login(app, as: "viewer@test.haven")
            let list = try await app.testing().sendRequest(.GET, "/sites?adminArea=BO01", headers: ["cookie": cookie])
            #expect(list.status == .ok)
            #expect(
                list.text.contains("Alpha camp") && list.text.contains("Beta centre")
                    && !list.text.contains("Gamma settlement"))
            #expect(!list.text.contains("Add a site"), "viewers are not offered what they may not do")
            let page = try await app.testing().sendRequest(
                .GET, "/sites/\(world.alpha.id!)", headers: ["cookie": cookie])
            #expect(
                page.text.contains("North One (BO0101)") && page.text.contains("Audit trail")
                    && page.text.contains("Norwegian Refugee Council"))
            let area = try await app.testing().sendRequest(.GET, "/areas/BO01", headers: ["cookie": cookie])
            #expect(area.status == .ok && area.text.contains("North One") && area.text.contains("Alpha camp"))
        }
    }

    /// The site's page gathers what every capability knows about it, each linked to its list filtered on the site.
    @Test func theSitePageIsTheHubOfEverythingKnownAboutTheSite() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await world.recordWASHNeed(
                at: world.alpha, also: ["SMT-SERVICE-HEALTH": .text("adequate")], on: app.db)
            let line = try await app.testing().sendRequest(
                .POST, "/api/v1/activities", headers: world.headers(.coordinator),
                body: try jsonBody(ActivityAPITests.line(world, activity: "HLT-01")))
            #expect(line.status == .created)
            let service = try await app.testing().sendRequest(
                .POST, "/api/v1/services", headers: world.headers(.coordinator),
                body: try jsonBody(ServiceDirectoryTests.service(world, site: world.alpha)))
            #expect(service.status == .created)
            for _ in 0..<2 {
                let item = try await FeedbackAPITests.record(
                    app, world, FeedbackAPITests.input(world.alpha, category: "INFO"))
                #expect(item.status == .created)
            }

            let (cookie, _) = try await login(app, as: "coordinator@test.haven")
            let page = try await app.testing().sendRequest(
                .GET, "/sites/\(world.alpha.id!)", headers: ["cookie": cookie]
            ).text
            for expected in [
                "Who is helping here", "Gap: nobody reports work here", "Women and girls safe space",
                "What people are telling us", "received since", "fewer than 5", "href=\"/activities?site=BO0101_0001\"",
                "href=\"/complaints?site=BO0101_0001\"", "href=\"/areas/BO0101\"", "<details class=\"noprint\">",
                "<strong>Admin area</strong>: – → North One (BO0101)",
                "<strong>Management agency</strong>: – → Norwegian Refugee Council",
            ] {
                #expect(page.contains(expected), "\(expected)")
            }
            let health = try #require(page.range(of: "<td>Health</td>"))
            #expect(page[health.upperBound...].prefix(200).contains("NRC"), "NRC works in health here")
            let wash = try #require(page.range(of: "<td>Water, sanitation and hygiene</td>"))
            #expect(page[wash.upperBound...].prefix(200).contains("Gap"), "nobody works in WASH at severity 4")

            let (viewer, _) = try await login(app, as: "viewer@test.haven")
            let seen = try await app.testing().sendRequest(
                .GET, "/sites/\(world.alpha.id!)", headers: ["cookie": viewer]
            ).text
            #expect(seen.contains("What people are telling us") && !seen.contains("/complaints?site="))
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, _) = try await login(app, as: "coordinator@test.haven")
            let response = try await app.testing().sendRequest(
                .POST, "/sites/\(world.gamma.id!)/archive",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "_csrf=forged"))
            #expect(response.status == .forbidden)
            #expect(try await Site.find(world.gamma.id, on: app.db)?.archivedAt == nil)
        }
    }

    @Test func anEditFormShowsEachProblemNextToItsFieldAndSavesNothing() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await login(app, as: "site_manager@test.haven")
            var values = SiteForm.values(from: world.alpha)
            values["latitude"] = "north"
            values["name"] = ""
            values[CSRFMiddleware.fieldName] = csrf
            let body = values.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            }.joined(separator: "&")
            let response = try await app.testing().sendRequest(
                .POST, "/sites/\(world.alpha.id!)/edit",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.text.contains("&apos;north&apos; is not a number")
                    || response.text.contains("'north' is not a number"))
            #expect(response.text.contains("class=\"field invalid\""))
            #expect(try await Site.find(world.alpha.id, on: app.db)?.name == "Alpha camp")

            values["latitude"] = "2.75"
            values["name"] = "Alpha camp (phase 2)"
            let good = values.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            }.joined(separator: "&")
            let saved = try await app.testing().sendRequest(
                .POST, "/sites/\(world.alpha.id!)/edit",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: good))
            #expect(saved.status == .seeOther)
            let site = try await Site.find(world.alpha.id, on: app.db)
            #expect(site?.name == "Alpha camp (phase 2)" && site?.latitude == 2.75)
        }
    }

    @Test func viewersCannotOpenTheEditForm() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, _) = try await login(app, as: "viewer@test.haven")
            try await app.testing().test(.GET, "/sites/\(world.alpha.id!)/edit", headers: ["cookie": cookie]) {
                #expect($0.status == .forbidden)
            }
            try await app.testing().test(.GET, "/audit", headers: ["cookie": cookie]) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func aSiteManagerRecordsACountInTheBrowser() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await login(app, as: "site_manager@test.haven")
            var fields = [
                "_csrf": csrf, "countedOn": "2025-05-02", "households": "10", "individuals": "41",
                "disaggregated": "yes",
                "source": "headcount", "arrivals": "3",
            ]
            for (name, value) in zip(PopulationFigures.cellFields, [4, 4, 3, 8, 2, 4, 4, 3, 7, 2]) {
                fields[name] = String(value)
            }
            func post(_ f: [String: String]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/sites/\(world.alpha.id!)/counts/new",
                    headers: [
                        "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                    ],
                    body: ByteBuffer(string: f.map { "\($0.key)=\($0.value)" }.joined(separator: "&")))
            }
            let wrong = try await post(fields.merging(["individuals": "45"]) { _, new in new })
            #expect(
                wrong.status == .unprocessableEntity
                    && wrong.text.contains("the sex and age cells add up to 41, not 45"))
            #expect(try await PopulationCount.query(on: app.db).count() == 0)
            let saved = try await post(fields)
            #expect(saved.status == .seeOther)
            #expect(try await Site.find(world.alpha.id, on: app.db)?.populationIndividuals == 41)
            let other = try await app.testing().sendRequest(
                .GET, "/sites/\(world.beta.id!)/counts/new", headers: ["cookie": cookie])
            #expect(other.status == .forbidden)
        }
    }

    @Test func aSiteManagerRecordsAMonitoringRoundInTheBrowser() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            _ = try await PopulationRegister.record(
                PopulationFigures(
                    countedOn: CalendarDay("2025-01-05")!, households: 400, individuals: 2000,
                    disaggregated: false, source: .headcount), for: world.alpha, by: .commandLine("test"), on: app.db)
            let (cookie, csrf) = try await login(app, as: "site_manager@test.haven")
            let form = try await app.testing().sendRequest(
                .GET, "/sites/\(world.alpha.id!)/rounds/new", headers: ["cookie": cookie])
            #expect(form.text.contains("People per toilet") == false && form.text.contains("Functioning toilets"))
            func post(_ body: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/sites/\(world.alpha.id!)/rounds/new",
                    headers: [
                        "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                    ], body: ByteBuffer(string: "_csrf=\(csrf)&" + body))
            }
            let bad = try await post("conductedOn=2025-01-20&WASH-TOILETS=lots&SMT-SERVICE-WATER=inadequate")
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.text.contains("&apos;lots&apos; is not a number") || bad.text.contains("'lots' is not a number"))
            #expect(try await MonitoringRound.query(on: app.db).count() == 0)
            let good = try await post(
                "conductedOn=2025-01-20&keyInformants=camp+leader&WASH-TOILETS=50&SMT-SERVICE-WATER=inadequate&SMT-THREAT-FIRE="
            )
            #expect(good.status == .seeOther)
            let round = try #require(try await MonitoringRound.query(on: app.db).first())
            #expect(
                round.source == .web
                    && round.answers == ["WASH-TOILETS": .number(50), "SMT-SERVICE-WATER": .text("inadequate")])
            #expect(round.overallSeverity == 3, "2,000 people for 50 toilets is 40 per toilet, the edge of severity 3")
            let page = try await app.testing().sendRequest(
                .GET, "/sites/\(world.alpha.id!)", headers: ["cookie": cookie])
            #expect(page.text.contains("People per toilet: 40 people/toilet (standard at most 20): 50 toilets missing"))
        }
    }

    @Test func coordinatorsAdaptTheCatalogueInTheBrowser() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let latrines = try #require(
                try await Indicator.query(on: app.db).filter(\.$code == "WASH-LATRINE-RATIO").first())
            let (viewerCookie, _) = try await login(app, as: "viewer@test.haven")
            let list = try await app.testing().sendRequest(
                .GET, "/monitoring/catalogue", headers: ["cookie": viewerCookie])
            #expect(list.text.contains("at most 20 · 3 above 30 · 4 above 40 · 5 above 60"))
            try await app.testing().test(
                .GET, "/monitoring/catalogue/\(latrines.id!)", headers: ["cookie": viewerCookie]
            ) { #expect($0.status == .forbidden) }

            let (cookie, csrf) = try await login(app, as: "coordinator@test.haven")
            func post(_ fields: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/monitoring/catalogue/\(latrines.id!)",
                    headers: [
                        "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                    ], body: ByteBuffer(string: "_csrf=\(csrf)&" + fields))
            }
            let base = "label=People+per+toilet&sector=WASH&unit=people%2Ftoilet&comparison=%3C%3D"
            let wrong = try await post(base + "&cut0=50&cut1=40&cut2=80&cut3=100")
            #expect(
                wrong.status == .unprocessableEntity && wrong.text.contains("cut points must go up from the standard"))
            let versionBefore = try await Catalogue.current(on: app.db).number
            let saved = try await post(base + "&cut0=50&cut1=60&cut2=80&cut3=100")
            #expect(saved.status == .seeOther)
            #expect(try await Indicator.find(latrines.id, on: app.db)?.bands?.cuts == [50, 60, 80, 100])
            #expect(try await Catalogue.current(on: app.db).number == versionBefore + 1)
        }
    }
}
