import Foundation

/// Monitoring in the monthly report: sites assessed in the month, open sites at severity 4 or 5 and those with no
/// round in 90 days at the month's end against the month before's, and the worst sites then.
struct MonitoringInReport: ReportSection {
    static func draft(_ month: ReportingMonth, _ context: ReportContext) async throws -> ReportPart {
        let previous = month.adding(months: -1).lastDay
        let assessed = try await RoundsAsOf.sitesAssessed(from: month.firstDay, to: month.lastDay, on: context.db)
        return part(
            month,
            now: Moment(
                sites: try await context.sites(at: month.lastDay), rounds: try await context.rounds(at: month.lastDay)),
            before: Moment(
                sites: try await context.sites(at: previous), rounds: try await context.rounds(at: previous)),
            assessed: assessed)
    }

    /// The open sites and their latest rounds at a month's end.
    struct Moment {
        var sites: [SitesAsOf.State]
        var rounds: [UUID: RoundsAsOf.Round]

        var open: [SitesAsOf.State] { sites.filter(\.isOpen) }

        func severe() -> [SitesAsOf.State] {
            open.filter { (rounds[$0.id]?.overall ?? .minimal) >= .extreme }
        }

        /// Open sites whose latest round is older than 90 days at `day`, or that have none.
        func stale(at day: CalendarDay) -> Int {
            let limit = day.adding(days: -Home.staleAfterDays)
            return open.filter { site in rounds[site.id].map { $0.conductedOn < limit } ?? true }.count
        }
    }

    static func part(_ month: ReportingMonth, now: Moment, before: Moment, assessed: Int) -> ReportPart {
        let severe = now.severe()
        let worst = now.open.compactMap { site in
            now.rounds[site.id].flatMap { round in round.overall.map { (site, round, $0) } }
        }.filter { $0.2 >= .severe }.sorted {
            ($0.2.rawValue, $0.0.people ?? 0, $1.0.code) > ($1.2.rawValue, $1.0.people ?? 0, $0.0.code)
        }.prefix(10)
        var lines = [
            "\(Format.number(assessed)) sites were assessed this month. At its end \(Format.number(severe.count)) open "
                + "sites, with \(Format.number(severe.reduce(0) { $0 &+ ($1.people ?? 0) })) people, were at severity 4 "
                + "or 5 by their latest round.",
            "",
        ]
        if worst.isEmpty {
            lines.append("No open site was at severity 3 or worse.")
        } else {
            lines += ["The worst sites at the end of the month:", ""]
            lines.append(
                Markdown.table(
                    ["Site", "Severity", "Month before", "People", "Latest round"],
                    worst.map { site, round, severity in
                        [
                            Markdown.escaped("\(site.code) \(site.name)"), "\(severity.rawValue)",
                            before.rounds[site.id]?.overall.map { "\($0.rawValue)" } ?? "–",
                            Format.number(site.people), Format.day(round.conductedOn),
                        ]
                    }, numbers: [1, 2, 3]))
        }
        return ReportPart(
            title: "Monitoring",
            figures: [
                ReportFigure("sites_assessed", "Sites assessed", assessed),
                ReportFigure(
                    "severe_sites", "Open sites at severity 4-5", severe.count, previous: before.severe().count),
                ReportFigure(
                    "stale_sites", "Open sites with no round in 90 days", now.stale(at: month.lastDay),
                    previous: before.stale(at: month.adding(months: -1).lastDay)),
            ],
            markdown: lines.joined(separator: "\n"))
    }
}

extension ReportContext {
    /// Each site's latest round at the end of a day, read once per draft for every section that needs it.
    func rounds(at day: CalendarDay) async throws -> [UUID: RoundsAsOf.Round] {
        let db = db
        return try await memo.value("rounds at \(day)") { try await RoundsAsOf.latest(at: day, on: db) }
    }
}
