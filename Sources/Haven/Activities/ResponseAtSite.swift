import Fluent
import Foundation
import Plot
import SQLKit

/// Who is helping at a site: per response sector, the site's worst severity from its latest monitoring round,
/// the partners whose 5W work there is underway in the latest month reported, and the gaps (severity 3 or
/// worse with nobody working on it).
struct ResponseAtSite: SitePanel {
    struct Sector: Sendable {
        var name: String
        var severity: Severity?
        var partners: [Partner]
        var gap: Bool
    }

    struct Partner: Sendable {
        var id: UUID
        var name: String
    }

    var siteCode: String
    var month: ReportingMonth
    var sectors: [Sector]

    var title: String { "Who is helping here" }

    static func load(_ site: Site, for user: UserContext, _ context: SitePanelContext) async throws
        -> ResponseAtSite?
    {
        let id = try site.requireID()
        let db = context.db
        let month = try await latestMonth(at: id, upTo: ReportingMonth(context.today), on: db)
        let work = try await ResponseAnalysisQuery.work(in: month, site: id, on: db)
        let severities = try await LatestSeverities.of([id], on: db)[id]?.sectors ?? [:]
        let need = ResponseAnalysis.SiteNeed(
            siteID: id, code: site.code, population: site.populationIndividuals ?? 0, sectors: severities)
        let gaps = Set(ResponseAnalysis.gaps([need], work, from: month.firstDay, to: month.lastDay).map(\.sector))
        var worst: [String: Severity] = [:]
        for (monitoringSector, severity) in severities {
            guard let sector = ResponseSector.answering(monitoringSector) else { continue }
            worst[sector] = max(worst[sector] ?? .minimal, severity)
        }
        let names = try await Organisation.shortNames(on: db)
        let underway = work.filter { $0.status.isUnderway && $0.overlaps(month.firstDay, month.lastDay) }
        let partners = Dictionary(grouping: underway, by: \.sector).mapValues { lines in
            Set(lines.map(\.organisationID)).map { Partner(id: $0, name: names[$0] ?? "–") }.sorted {
                $0.name < $1.name
            }
        }
        let sectors = ResponseSector.all.map(\.code).filter { worst[$0] != nil || partners[$0] != nil }.map { code in
            Sector(
                name: ResponseSector.named(code)?.name ?? code, severity: worst[code], partners: partners[code] ?? [],
                gap: gaps.contains(code))
        }
        return ResponseAtSite(
            siteCode: site.code, month: month,
            sectors: sectors.sorted { ($0.severity?.rawValue ?? 0, $1.name) > ($1.severity?.rawValue ?? 0, $0.name) })
    }

    /// The latest month with 5W lines at the site, not after `month`; `month` itself when there are none.
    private static func latestMonth(at site: UUID, upTo month: ReportingMonth, on db: any Database) async throws
        -> ReportingMonth
    {
        struct Row: Decodable { var month: String? }
        let row = try await db.sql.raw(
            """
            SELECT MAX(month) AS month FROM \(ident: Activity.schema)
            WHERE site_id = \(bind: site) AND archived_at IS NULL AND month <= \(bind: month.description)
            """
        ).first(decoding: Row.self)
        return row?.month.flatMap(ReportingMonth.init) ?? month
    }

    func render() -> Node<HTML.BodyContext> {
        .group(
            .p(
                .class("hint explain"),
                .text(
                    "Partners with work underway here in \(Format.month(month)) (their 5W), against the severity of "
                        + "each sector in the latest monitoring round.")),
            sectors.isEmpty
                ? .p("No monitoring round and no 5W line for this site yet.")
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(.tr(.th("Sector"), .th("Severity"), .th("Partners"))),
                        .tbody(
                            .forEach(sectors) { sector in
                                // On the printed factsheet, sectors in no need and with nobody at work stay off.
                                .tr(
                                    .if(
                                        sector.partners.isEmpty && !sector.gap && (sector.severity?.rawValue ?? 0) < 3,
                                        .class("quiet")),
                                    .td(.text(sector.name)), .td(RoundSection.chip(sector.severity)),
                                    .td(
                                        sector.gap
                                            ? .span(.class("missing"), "Gap: nobody reports work here")
                                            : sector.partners.isEmpty
                                                ? .text("–")
                                                : .group(
                                                    .forEach(sector.partners.enumerated()) { index, partner in
                                                        .group(
                                                            .if(index > 0, .text(", ")),
                                                            .a(
                                                                .href(
                                                                    Paths.with(
                                                                        Paths.activities,
                                                                        [
                                                                            "site": siteCode,
                                                                            "organisation": partner.id.uuidString,
                                                                            "month": month.description,
                                                                        ])), .text(partner.name)))
                                                    })
                                    ))
                            }))),
            .p(
                .class("links"),
                .a(.href(Paths.with(Paths.activities, ["site": siteCode])), "5W lines at this site"), " · ",
                .a(
                    .href(Paths.with(Paths.activityGaps, ["month": month.description])),
                    .text("Gaps in \(Format.month(month))")))
        )
    }
}
