import Fluent
import Foundation
import PropertyBased
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// The monthly situation report: the draft's figures against counting the records, the snapshot rule (a
/// published report never changes), roles, and the Markdown people write in it.
@Suite struct ReportTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 20)!
    static let month = ReportingMonth("2026-10")!

    @Test func theDraftsFiguresAreWhatCountingTheRecordsGives() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(
                sites: 14, months: 5, seed: 7, cipher: app.feedbackCipher, on: app.db, today: Self.today)
            let context = ReportContext(db: app.db, smallCellThreshold: 1)
            let parts = try await SituationReports.drafted(Self.month, context, on: Self.today).parts
            var figures: [String: ReportFigure] = [:]
            for figure in parts.flatMap(\.figures) { figures[figure.key] = figure }

            let end = Self.month.lastDay.description
            let before = Self.month.adding(months: -1).lastDay.description
            let sites = try await Site.query(on: app.db).live().all()
            let changes = try await SiteStatusChange.query(on: app.db).all()
            let counts = try await PopulationCount.query(on: app.db).live().all()
            let rounds = try await MonitoringRound.query(on: app.db).live().all()
            /// Each site's status, people and latest round at the end of a day, worked out one record at a time.
            func state(_ site: Site, at day: String) -> (open: Bool, people: Int, severity: Int?) {
                let status = changes.filter { $0.$site.id == site.id && $0.changedOn <= day }
                    .max {
                        ($0.changedOn, $0.createdAt ?? .distantPast) < ($1.changedOn, $1.createdAt ?? .distantPast)
                    }?
                    .status
                let count = counts.filter { $0.$site.id == site.id && $0.countedOn <= day }.max {
                    $0.countedOn < $1.countedOn
                }
                let round = rounds.filter { $0.$site.id == site.id && $0.conductedOn <= day }.max {
                    $0.conductedOn < $1.conductedOn
                }
                return (status == .open || status == .closing, count?.individuals ?? 0, round?.overallSeverity)
            }
            let now = sites.map { state($0, at: end) }.filter(\.open)
            let then = sites.map { state($0, at: before) }.filter(\.open)
            #expect(figures["open_sites"]?.value == now.count && now.count > 0)
            #expect(figures["open_sites"]?.previous == then.count)
            #expect(figures["people"]?.value == now.map(\.people).reduce(0, +))
            #expect(figures["people"]?.previous == then.map(\.people).reduce(0, +))
            #expect(figures["severe_sites"]?.value == now.filter { ($0.severity ?? 0) >= 4 }.count)
            let assessed = Set(
                rounds.filter { $0.conductedOn >= Self.month.firstDay.description && $0.conductedOn <= end }
                    .map(\.$site.id))
            #expect(figures["sites_assessed"]?.value == assessed.count && assessed.count > 0)

            let items = try await FeedbackItem.query(on: app.db).live().filter(
                \.$receivedMonth == Self.month.description
            )
            .all()
            #expect(figures["feedback_received"]?.value == items.count && items.count > 0)
            let lines = try await Activity.query(on: app.db).live().filter(\.$month == Self.month.description).all()
            #expect(figures["lines"]?.value == lines.count && lines.count > 0)
            #expect(figures["organisations_reporting"]?.value == Set(lines.map(\.$reportingOrganisation.id)).count)

            let text = ReportDraft.markdown(Self.month, parts: parts, draftedOn: Self.today)
            #expect(text.hasPrefix("# Situation report: October 2026"))
            #expect(text.contains("| Open sites | \(Format.number(now.count)) |"))
        }
    }

    @Test func aPublishedReportKeepsItsTextAndFiguresWhateverChangesAfterwards() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let client = try app.testing()
            let month = ReportingMonth(CalendarDay.today()).adding(months: -1).description
            let viewerBefore = try await client.sendRequest(
                .GET, "/api/v1/reports/\(month)", headers: world.headers(.viewer))
            #expect(viewerBefore.status == .notFound)
            let refused = try await client.sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.viewer), body: try jsonBody(["month": month]))
            #expect(refused.status == .forbidden)
            let created = try await client.sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.coordinator), body: try jsonBody(["month": month]))
            #expect(created.status == .created)
            let draft = try created.json(ReportAPI.Body.self)
            #expect(draft.summary.status == .draft && draft.summary.version == 1)
            #expect(draft.sections.flatMap(\.figures).first { $0.key == "open_sites" }?.value == 3)
            let again = try await client.sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.coordinator), body: try jsonBody(["month": month]))
            #expect(again.status == .conflict)
            let future = try await client.sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.coordinator),
                body: try jsonBody(["month": ReportingMonth(CalendarDay.today()).adding(months: 2).description]))
            #expect(future.status == .unprocessableEntity)

            let edited = draft.text + "\nThe IM officer's own words on Zanzibarian floods.\n"
            let saved = try await client.sendRequest(
                .PUT, "/api/v1/reports/\(month)", headers: world.headers(.coordinator),
                body: try jsonBody(["text": edited, "version": 1]))
            #expect(saved.status == .ok)
            let stale = try await client.sendRequest(
                .PUT, "/api/v1/reports/\(month)", headers: world.headers(.coordinator),
                body: try jsonBody(["text": "an older copy", "version": 1]))
            #expect(stale.status == .conflict)
            #expect(try await Self.searchFinds("zanzibar", world.headers(.coordinator), app) == [month])
            #expect(try await Self.searchFinds("zanzibar", world.headers(.viewer), app) == [], "a draft is not found")
            let published = try await client.sendRequest(
                .POST, "/api/v1/reports/\(month)/publish", headers: world.headers(.coordinator),
                body: try jsonBody(["version": 2]))
            #expect(published.status == .ok)
            let frozen = try published.json(ReportAPI.Body.self)
            #expect(frozen.summary.status == .published && frozen.text == edited)

            // The data change: a new site opens and is counted in the report's month.
            var input = World.siteInput("BO0101_0009", "Delta camp", area: world.northDistrict, agency: nil)
            input.openedOn = ReportingMonth(month)!.firstDay
            _ = try await SiteRegister.create(input, by: .commandLine("test"), on: app.db)
            for change in [
                (HTTPMethod.PUT, "/api/v1/reports/\(month)", try jsonBody(["text": "changed", "version": 3])),
                (.POST, "/api/v1/reports/\(month)/redraft", try jsonBody(["version": 3])),
                (.POST, "/api/v1/reports/\(month)/publish", try jsonBody(["version": 3])),
                (.POST, "/api/v1/reports/\(month)/archive", try jsonBody([:])),
            ] {
                let answer = try await client.sendRequest(
                    change.0, change.1, headers: world.headers(.administrator), body: change.2)
                #expect(answer.status == .conflict, "\(change.1)")
            }
            let read = try await client.sendRequest(.GET, "/api/v1/reports/\(month)", headers: world.headers(.viewer))
            let kept = try read.json(ReportAPI.Body.self)
            #expect(kept.text == edited && kept.sections == frozen.sections)
            #expect(kept.sections.flatMap(\.figures).first { $0.key == "open_sites" }?.value == 3)
            let fresh = try await SituationReports.drafted(
                ReportingMonth(month)!, ReportContext(db: app.db, smallCellThreshold: 5), on: .today())
            #expect(fresh.parts.flatMap(\.figures).first { $0.key == "open_sites" }?.value == 4)

            #expect(try await Self.searchFinds("zanzibar", world.headers(.viewer), app) == [month])
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == SituationReport.auditEntity).all()
            #expect(trail.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .update, .update])
            let markdown = try await client.sendRequest(
                .GET, "/reports/\(month)/report.md", headers: world.headers(.viewer))
            #expect(markdown.status == .ok && markdown.text == edited)
            let html = try await client.sendRequest(
                .GET, "/reports/\(month)/report.html", headers: world.headers(.viewer))
            #expect(html.text.contains("<h1>Situation report: ") && html.text.contains("The IM officer"))
        }
    }

    @Test func aDraftIsSeenOnlyByThoseWhoWriteReportsAndCanBeDiscarded() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let client = try app.testing()
            let month = ReportingMonth(CalendarDay.today()).description
            _ = try await client.sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.coordinator), body: try jsonBody(["month": month]))
            for role in [Role.viewer, .partner, .siteManager] {
                let list = try await client.sendRequest(.GET, "/api/v1/reports", headers: world.headers(role))
                #expect(try list.json(Page<ReportAPI.Summary>.self).total == 0, "\(role)")
                let page = try await client.sendRequest(.GET, "/reports/\(month)", headers: world.headers(role))
                #expect(page.status == .notFound, "\(role)")
            }
            let discarded = try await client.sendRequest(
                .POST, "/api/v1/reports/\(month)/archive", headers: world.headers(.coordinator))
            #expect(discarded.status == .ok)
            let list = try await client.sendRequest(.GET, "/api/v1/reports", headers: world.headers(.coordinator))
            #expect(try list.json(Page<ReportAPI.Summary>.self).total == 0)
            let anew = try await client.sendRequest(
                .POST, "/api/v1/reports", headers: world.headers(.coordinator), body: try jsonBody(["month": month]))
            #expect(anew.status == .created)
        }
    }

    @Test func markdownNeverCarriesMarkupOfItsOwn() async {
        let words = [
            "<script>alert(1)</script>", "<b>", "[x](javascript:alert(1))", "[y](/sites)", "**", "*", "_", "`", "|",
            "| a | b |", "|---|--:|", "# ", "- ", "1. ", "\n", "\\", "\"", "'", "&", "](", ")", "[", "text", " ",
            "<img src=x onerror=alert(1)>", "[z](https://example.org/\"onmouseover=\"x)",
        ]
        let pieces = Gen.int(in: 0...(words.count - 1)).map { words[$0] }
        await propertyCheck(input: pieces.array(of: 0...40)) { parts in
            let html = Markdown.html(parts.joined())
            let allowed =
                #/</?(h[1-6]|p|ul|ol|li|strong|em|code|hr|table|thead|tbody|tr|th|td|div|a)( class="(num|center|table-wrap)"| href="[^"<>]*")?>/#
            let stripped = html.replacing(allowed, with: "")
            #expect(!stripped.contains("<") && !stripped.contains(">"), "\(html)")
            for match in html.matches(of: #/href="([^"]*)"/#) {
                let target = String(match.1)
                #expect(
                    target.hasPrefix("/") || target.hasPrefix("https://") || target.hasPrefix("http://")
                        || target.hasPrefix("mailto:") || target.hasPrefix("#"), "\(target)")
            }
        }
        await propertyCheck(input: Arbitrary.character.string(of: 0...60)) { text in
            let html = Markdown.html(text)
            #expect(!html.contains("<script") && !html.contains("<img"))
        }
    }

    @Test func markdownReadsWhatReportsAreWrittenWith() {
        let html = Markdown.html(
            """
            # Title
            Some **bold** and *italic* text with `code` and a [link](/sites).

            | Site | People |
            |---|---:|
            | A\\|B | 1,200 |

            - one
            - two
            1. first
            ---
            [bad](javascript:alert(1)) <script>
            """)
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<strong>bold</strong>") && html.contains("<em>italic</em>"))
        #expect(html.contains("<code>code</code>") && html.contains("<a href=\"/sites\">link</a>"))
        #expect(html.contains("<th class=\"num\">People</th>") && html.contains("<td>A|B</td>"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>") && html.contains("<ol><li>first</li></ol>"))
        #expect(html.contains("<hr>") && html.contains("[bad](javascript:alert(1)) &lt;script&gt;"))
        #expect(Markdown.title("intro\n## Report of May\n") == "Report of May")
        #expect(Markdown.html(Markdown.escaped("Camp *A* [1] | x_y")) == "<p>Camp *A* [1] | x_y</p>\n")
        // A line of unclosed marks is read once, not once per mark.
        let hostile = String(repeating: "[*_`", count: 50_000) + "](/x"
        #expect(Markdown.html(hostile).count > hostile.count)
    }

    @Test func theChangeOfAFigureIsWrittenAsPeopleWriteIt() {
        #expect(ReportFigure("a", "A", 120, previous: 100).change == "+20")
        #expect(ReportFigure("a", "A", 97, previous: 100, unit: "%").change == "-3%")
        #expect(ReportFigure("a", "A", 5, previous: 5).change == "0")
        #expect(ReportFigure("a", "A", nil, previous: 5).change == "")
        #expect(ReportFigure("a", "A", Int.min, previous: Int.max).change == "")
    }

    /// The months of the reports the search box finds for these words.
    static func searchFinds(_ q: String, _ headers: HTTPHeaders, _ app: Application) async throws -> [String] {
        let answer = try await app.testing().sendRequest(.GET, "/api/v1/search?q=\(q)", headers: headers)
        let groups = try answer.json(SearchAPI.Answer.self).groups
        return groups.first { $0.key == ReportSearch.key }?.results.compactMap { $0.link.split(separator: "/").last }
            .map(String.init) ?? []
    }
}
