import Foundation

/// The 5W in the monthly report: the month's lines, organisations and people reached against the month before's,
/// the gaps that opened this month (a site at severity 3 or worse in a sector where no partner works, which was
/// not a gap the month before), and progress against the response plan's targets in force.
struct ResponseInReport: ReportSection {
    static func draft(_ month: ReportingMonth, _ context: ReportContext) async throws -> ReportPart {
        let db = context.db
        let previous = month.adding(months: -1)
        var names: [UUID: String] = [:]
        func gaps(_ month: ReportingMonth) async throws -> [ResponseAnalysis.Gap] {
            let sites = try await context.sites(at: month.lastDay).filter(\.isOpen)
            for site in sites { names[site.id] = "\(site.code) \(site.name)" }
            let rounds = try await context.rounds(at: month.lastDay)
            let needs = sites.compactMap { site in
                rounds[site.id].map {
                    ResponseAnalysis.SiteNeed(
                        siteID: site.id, code: site.code, population: site.people ?? 0, sectors: $0.sectors)
                }
            }
            let work = try await context.work(in: month)
            return ResponseAnalysis.gaps(needs, work, from: month.firstDay, to: month.lastDay)
        }
        let reported = try await HomeQuery.reporting(in: [month, previous], organisation: nil, on: db)
        let reached = try await context.work(in: month).reduce(0) { $0 &+ ($1.reached ?? 0) }
        let reachedBefore = try await context.work(in: previous).reduce(0) { $0 &+ ($1.reached ?? 0) }
        let progress = try await ProgressQuery().progress(on: db).progress.filter {
            $0.target.from <= month && month <= $0.target.to
        }
        return part(
            month, lines: (reported[month]?.lines ?? 0, reported[previous]?.lines ?? 0),
            organisations: (reported[month]?.organisations ?? 0, reported[previous]?.organisations ?? 0),
            reached: (reached, reachedBefore), gaps: (try await gaps(month), try await gaps(previous)),
            progress: progress, names: names)
    }

    /// Gaps of this month that were not gaps the month before.
    static func newGaps(_ now: [ResponseAnalysis.Gap], before: [ResponseAnalysis.Gap]) -> [ResponseAnalysis.Gap] {
        let earlier = Set(before.map { "\($0.siteID) \($0.sector)" })
        return now.filter { !earlier.contains("\($0.siteID) \($0.sector)") }
    }

    static func part(
        _ month: ReportingMonth, lines: (Int, Int), organisations: (Int, Int), reached: (Int, Int),
        gaps: (now: [ResponseAnalysis.Gap], before: [ResponseAnalysis.Gap]),
        progress: [ResponseProgress.Progress], names: [UUID: String]
    ) -> ReportPart {
        let opened = newGaps(gaps.now, before: gaps.before)
        var text = [
            "\(Format.number(organisations.0)) organisations reported \(Format.number(lines.0)) 5W lines for the "
                + "month, reaching \(Format.number(reached.0)) people. \(Format.number(gaps.now.count)) gaps remain "
                + "(a site at severity 3 or worse in a sector where no partner works), \(Format.number(opened.count)) "
                + "of them new this month.",
            "",
        ]
        if !opened.isEmpty {
            text += ["New gaps:", ""]
            text.append(
                Markdown.table(
                    ["Site", "Sector", "Severity", "People"],
                    opened.prefix(20).map { gap in
                        [
                            Markdown.escaped(names[gap.siteID] ?? gap.code),
                            Markdown.escaped(gap.sector), "\(gap.severity.rawValue)", Format.number(gap.population),
                        ]
                    }, numbers: [2, 3]))
            if opened.count > 20 { text += ["", "And \(Format.number(opened.count - 20)) more."] }
            text.append("")
        }
        if !progress.isEmpty {
            text += ["Progress against the targets in force:", ""]
            text.append(
                Markdown.table(
                    ["Sector", "Activity", "Area", "Target", "Reached", "Share"],
                    progress.prefix(30).map { p in
                        [
                            Markdown.escaped(p.target.sector), Markdown.escaped(p.target.activity ?? "All"),
                            Markdown.escaped(p.target.areaPcode ?? "All"), Format.number(p.target.people),
                            Format.number(p.reached), Format.percent(p.reached, of: p.target.people),
                        ]
                    }, numbers: [3, 4, 5]))
        }
        return ReportPart(
            title: "Response (5W)",
            figures: [
                ReportFigure(
                    "organisations_reporting", "Organisations reporting", organisations.0, previous: organisations.1),
                ReportFigure("lines", "5W lines", lines.0, previous: lines.1),
                ReportFigure("reached", "People reached (5W)", reached.0, previous: reached.1),
                ReportFigure("gaps", "Gaps", gaps.now.count, previous: gaps.before.count),
                ReportFigure("new_gaps", "New gaps", opened.count),
            ],
            markdown: text.joined(separator: "\n"))
    }
}

extension ReportContext {
    /// A month's 5W work, read once per draft.
    func work(in month: ReportingMonth) async throws -> [ResponseAnalysis.Work] {
        let db = db
        return try await memo.value("work in \(month)") { try await ResponseAnalysisQuery.work(in: month, on: db) }
    }
}
