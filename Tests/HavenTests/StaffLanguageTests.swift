import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Staff read Haven in their own language: the account keeps it, the pages worded so far speak it (Arabic right
/// to left), and no English words of Haven's own are left on them.
@Suite struct StaffLanguageTests {
    /// The page's text without its markup, as a reader sees it.
    static func visibleText(_ html: String) -> String {
        html.replacing(#/<[^>]*>/#, with: " ").replacingOccurrences(of: "&#39;", with: "'")
    }

    @Test(arguments: ["fr", "es", "ar"])
    func theHomeAndTheAccountSpeakTheReadersLanguage(language: String) async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            // The test accounts are named after their roles; a person's name is data, not Haven's words.
            let account = try #require(world.users[.coordinator])
            account.name = "Amina Diallo"
            try await account.update(on: app.db)
            let set = try await app.testing().sendRequest(
                .PUT, "/api/v1/account/language", headers: world.headers(.coordinator),
                body: try jsonBody(["language": language]))
            #expect(set.status == .ok)
            let words = try #require(WordingCatalogue.builtIn[language])
            for path in ["/", "/account", "/reports", "/needs", "/open-data"] {
                let page = try await app.testing().sendRequest(.GET, path, headers: world.headers(.coordinator))
                #expect(page.status == .ok)
                #expect(page.text.contains("lang=\"\(language)\""))
                #expect(page.text.contains("dir=\"rtl\"") == (language == "ar"), "Arabic reads right to left")
                #expect(Self.visibleText(page.text).contains(words[.navReports]!))
                let text = Self.visibleText(page.text)
                // Haven's own English words, where this language words them otherwise, are gone.
                for (key, english) in StaffWordingCatalogue.english
                where english.count >= 8 && words[key] != english && !english.contains("{") {
                    #expect(!text.contains(english), "\(path) still says '\(english)' (\(key.rawValue))")
                }
            }
            let home = try await app.testing().sendRequest(.GET, "/", headers: world.headers(.coordinator))
            #expect(Self.visibleText(home.text).contains(words[.theOperation]!))
            // Others keep theirs.
            let english = try await app.testing().sendRequest(.GET, "/", headers: world.headers(.viewer))
            #expect(english.text.contains("lang=\"en\"") && english.text.contains("The operation"))
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == User.auditEntity)
                .filter(\.$action == .update).all()
            #expect(trail.contains { $0.changes.contains { $0.field == "language" && $0.after == language } })
        }
    }

    @Test func aLanguageHavenDoesNotSpeakIsRefused() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let refused = try await app.testing().sendRequest(
                .PUT, "/api/v1/account/language", headers: world.headers(.viewer),
                body: try jsonBody(["language": "xx"]))
            #expect(refused.status == .unprocessableEntity && refused.text.contains("en, fr, es, ar"))
        }
    }
}
