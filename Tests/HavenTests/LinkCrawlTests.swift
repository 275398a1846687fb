import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Every role follows the links of the pages it can reach from its home, over a small demo operation: no link
/// may lead to a page that does not exist, fails, or refuses that very person.
@Suite struct LinkCrawlTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 20)!

    @Test func everyLinkARoleIsShownLeadsToAPageItMayOpen() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 8, months: 3, seed: 11, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            for (email, role) in DemoLoader.demoUsers {
                let headers = try await Self.signedIn(email, on: app)
                let broken = try await Self.crawl(from: "/sites", headers: headers, on: app)
                #expect(broken.isEmpty, "\(role): \(broken.joined(separator: "; "))")
            }
        }
    }

    static func signedIn(_ email: String, on app: Application) async throws -> HTTPHeaders {
        let login = try await app.testing().sendRequest(
            .POST, "/api/v1/sessions", headers: ["Content-Type": "application/json"],
            body: ByteBuffer(string: #"{"email":"\#(email)","password":"\#(DemoLoader.Summary.password)"}"#))
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: try login.content.get(String.self, at: "token"))
        return headers
    }

    /// The links that answer 403, 404 or 5xx, each with the page that shows it, breadth first over at most
    /// `limit` pages. Downloads, other languages and logging out are not followed.
    static func crawl(
        from start: String, headers: HTTPHeaders, on app: Application, limit: Int = 70,
        inspect: (_ path: String, _ html: String) -> Void = { _, _ in }
    ) async throws -> [String] {
        var queue = [(start, "the start")]
        var seen: Set<String> = [start]
        var broken: [String] = []
        var visited = 0
        while !queue.isEmpty, visited < limit {
            let (path, from) = queue.removeFirst()
            visited += 1
            let response = try await app.testing().sendRequest(.GET, path, headers: headers)
            let status = response.status.code
            if status == 403 || status == 404 || status >= 500 {
                broken.append("\(path) (\(status)) linked from \(from)")
                continue
            }
            guard response.headers.contentType?.subType == "html" else { continue }
            inspect(path, response.body.string)
            for link in links(in: response.body.string) where !seen.contains(link) {
                seen.insert(link)
                queue.append((link, path))
            }
        }
        return broken
    }

    /// Text from outside that closes an attribute and opens an element, put into every kind of name people
    /// type and every filter: no page may show it as markup (Plot writes attribute values as given).
    @Test func textFromOutsideNeverBecomesMarkup() async throws {
        let hostile = #"x"' ><i class=injected>"#
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 6, months: 2, seed: 5, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            for (table, columns) in [
                ("sites", ["name", "other_names", "notes"]), ("organisations", ["name", "acronym"]),
                ("admin_areas", ["name"]), ("activity_types", ["name"]),
                ("services", ["name", "location", "hours", "contact"]), ("indicators", ["label", "unit"]),
                ("feedback_categories", ["label"]), ("users", ["name"]),
            ] {
                for column in columns {
                    try await #require(app.db as? any SQLDatabase).raw(
                        "UPDATE \(ident: table) SET \(ident: column) = \(ident: column) || \(bind: hostile)"
                    ).run()
                }
            }
            let headers = try await Self.signedIn("admin@haven.demo", on: app)
            var shown: [String] = []
            var read: Set<String> = []
            let query = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let code = try #require(try await Site.query(on: app.db).first()).code
            let starts = [
                "/sites", "/monitoring", "/monitoring/catalogue", "/activities/catalogue", "/activities/presence",
                "/activities/progress", "/activities/gaps", "/complaints", "/complaints/new", "/complaints/figures",
                "/feedback?site=\(code)", "/directory/\(code)", "/sites?q=\(query)", "/activities?month=\(query)",
                "/audit?actor=\(query)", "/sites?adminArea=\(query)", "/feedback/status?reference=\(query)",
            ]
            for start in starts {
                _ = try await Self.crawl(from: start, headers: headers, on: app, limit: start == "/sites" ? 150 : 25) {
                    path, html in
                    read.insert(path)
                    if html.contains("<i class=injected>") { shown.append(path) }
                }
            }
            let login = try await app.testing().sendRequest(.GET, "/login?next=\(query)")
            if login.body.string.contains("<i class=injected>") { shown.append("/login") }
            #expect(shown.isEmpty, "shown as markup on \(shown)")
            #expect(read.contains { $0.hasSuffix("/edit") } && read.contains { $0.hasSuffix("/services") })
        }
    }

    static func links(in html: String) -> [String] {
        let pattern = /href="(\/[^"]*)"/
        return html.matches(of: pattern).map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
            .filter { link in
                !["/logout", "lang=", ".csv", ".xlsx", ".geojson", ".css", "/api/"].contains { link.contains($0) }
            }
    }
}

/// The route table and the router agree both ways: every address pages link to is a route, and every page route
/// comes from the table (or is an import page's own step), so no page is registered from a literal.
@Suite struct RouteTableTests {
    @Test func everyAddressIsARouteAndEveryPageRouteAnAddress() async throws {
        try await withHaven { app in
            let routes = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            let table = Set(Paths.all.map(\.pattern))
            #expect(table.subtracting(routes).isEmpty, "not routed: \(table.subtracting(routes).sorted())")
            let importSteps = Set(
                (Importers.all.map { $0.page } + [BoundaryPages.page]).flatMap { [$0.commit.pattern, $0.job.pattern] })
            let machines = [
                "/api/", "/v1/", "/health", "/ready", "/metrics",
            ]
            let pages = routes.filter { route in !machines.contains { route.hasPrefix($0) } }
            #expect(pages.contains("/sites/:id/edit") && pages.count > 40)
            let unlisted = pages.subtracting(table).subtracting(importSteps)
            #expect(unlisted.isEmpty, "registered from a literal: \(unlisted.sorted())")
        }
    }

    @Test func linksFillInTheirParametersEncoded() {
        let id = UUID()
        #expect(Paths.site.link(id) == "/sites/\(id.uuidString)")
        #expect(Paths.archiveService.link("a", "b c/d") == "/sites/a/services/b%20c%2Fd/archive")
        #expect(Paths.sites.link() == "/sites")
        #expect(Paths.activitiesDownload.csv.below(Paths.api).pattern == "/exports/activities.csv")
        #expect(
            Paths.with(Paths.publicFeedback, ["site": "BO01_0001", "lang": "ar"]) == "/feedback?lang=ar&site=BO01_0001")
    }
}
