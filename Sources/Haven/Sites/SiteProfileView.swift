import Foundation
import Plot

/// The site page: profile, status history, population charts and table, audit trail.
struct SiteProfileView {
    var user: UserContext
    var profile: SiteProfile
    var csrf: String

    private var site: Site { profile.site }

    func render() -> String {
        Layout.page(
            "\(site.code) \(site.name)", user: user,
            .h1(.text("\(site.name) "), .small(.text(site.code))),
            .p(.class("printed"), .text("Site factsheet · Haven · \(Format.day(profile.today))")),
            .if(
                site.archivedAt != nil,
                .p(
                    .class("alert"),
                    "This site is archived: it is kept for the record but left out of lists and totals.")),
            actions,
            links,
            .h2("Profile"),
            facts,
            .h2("Population"),
            population,
            .h2("Site monitoring"),
            RoundSection.render(profile.rounds),
            .forEach(profile.panels) { panel in .section(.h2(.text(panel.title)), panel.render()) },
            // The factsheet on paper leaves out the site's history: its status changes and its audit trail.
            .section(
                .class("noprint"),
                .h2("Status history"),
                .table(
                    .thead(.tr(.th("Since"), .th("Status"), .th("Recorded by"))),
                    .tbody(
                        .forEach(profile.statusHistory) { change in
                            .tr(
                                .td(.text(Format.day(change.changedOn))), .td(.text(change.status.label)),
                                .td(.text(change.recordedBy)))
                        }))),
            .element(
                named: "details",
                nodes: [
                    .class("noprint"), .element(named: "summary", text: "Audit trail"),
                    profile.audit.render(),
                ])
        )
    }

    /// Where else the site appears: its area, and the lists filtered on it.
    private var links: Node<HTML.BodyContext> {
        .p(
            .class("links"),
            .forEach(profile.area.reversed().prefix(1)) { area in
                .group(.a(.href(Paths.adminArea.link(area.pcode)), .text("Area: \(area.name)")), " · ")
            },
            .a(.href(Paths.with(Paths.activities, ["site": site.code])), "5W lines"), " · ",
            .if(
                user.role != .viewer,
                .group(.a(.href(Paths.with(Paths.complaints, ["site": site.code])), "Feedback"), " · ")),
            .a(.href(Paths.services.link(site.id!)), "Services"), " · ",
            .a(
                .href(Paths.with(Paths.monitoring, ["adminArea": profile.area.last?.pcode ?? ""])),
                "Monitoring of its area"),
            .br(),
            .text("Download: "),
            Paths.countsDownload.named("population counts", ["site": site.code]), " · ",
            Paths.roundsDownload.named("monitoring rounds", ["site": site.code]), " · ",
            Paths.servicesDownload.named("services", ["site": site.code]))
    }

    private var actions: Node<HTML.BodyContext> {
        .div(
            .class("actions"),
            .if(
                Permission.editSite(site.scope).isGranted(to: user),
                .a(.class("button"), .href(Paths.editSite.link(site.id!)), "Edit site")),
            .if(
                Permission.recordPopulation(site.scope).isGranted(to: user),
                .a(.class("button"), .href(Paths.newCount.link(site.id!)), "Record a count")),
            .if(
                Permission.recordMonitoring(site.scope).isGranted(to: user),
                .a(.class("button"), .href(Paths.newRound.link(site.id!)), "Record a monitoring round")),
            .a(.class("button secondary"), .href(Paths.services.link(site.id!)), "Services and poster"),
            .if(
                Permission.archiveSite(site.scope).isGranted(to: user),
                Layout.form(
                    action: (site.archivedAt == nil ? Paths.site.archive : Paths.site.restore).link(site.id!),
                    csrf: csrf,
                    .button(.type(.submit), .class("secondary"), .text(site.archivedAt == nil ? "Archive" : "Restore")))
            ))
    }

    private var facts: Node<HTML.BodyContext> {
        let rows: [(String, String)] = [
            ("Type", site.type.label), ("Status", site.status.label),
            ("Location", profile.area.map { "\($0.name) (\($0.pcode))" }.joined(separator: " › ")),
            (
                "Coordinates",
                site.latitude.map { "\(Format.decimal($0, digits: 5)), \(Format.decimal(site.longitude, digits: 5))" }
                    ?? "–"
            ),
            ("Site management agency", profile.agency?.name ?? "–"),
            ("Land ownership", site.landOwnership.label),
            ("Tenancy agreement", site.tenancyAgreement.map { $0 ? "Yes" : "No" } ?? "Unknown"),
            ("Area", site.areaSquareMetres.map { "\(Format.decimal($0, digits: 0)) m²" } ?? "–"),
            (
                "Capacity",
                "\(Format.number(site.capacityHouseholds)) households, \(Format.number(site.capacityIndividuals)) people"
            ),
            ("Opened", Format.day(site.openedOn)), ("Closed", Format.day(site.closedOn)),
            ("Other names", site.otherNames.isEmpty ? "–" : site.otherNames),
            ("Notes", site.notes.isEmpty ? "–" : site.notes),
        ]
        // Facts not known stay off the printed factsheet.
        return .dl(
            .class("facts"),
            .forEach(rows) { row in .div(.if(row.1 == "–", .class("empty")), .dt(.text(row.0)), .dd(.text(row.1))) })
    }

    private var population: Node<HTML.BodyContext> {
        let points = profile.counts.reversed().map { Charts.Point(day: .stored($0.countedOn), value: $0.individuals) }
        return .group(
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(site.populationIndividuals))), "people"),
                .div(.strong(.text(Format.number(site.populationHouseholds))), "households"),
                .div(.strong(.text(Format.day(site.populationCountedOn))), "last counted")),
            .div(
                .class("charts"),
                .div(
                    points.count > 1
                        ? .raw(Charts.line(points, title: "Population of \(site.name) over time"))
                        : .p(.text("The chart appears from the second count on."))),
                .unwrap(profile.latestDisaggregated) { .div(.raw(Charts.pyramid($0.figures))) }),
            .div(
                .class("table-wrap noprint"),
                .table(
                    .thead(
                        .tr(
                            .th("Date"), .th(.class("num"), "People"), .th(.class("num"), "Households"),
                            .th(.class("num hide-narrow"), "Arrivals"), .th(.class("num hide-narrow"), "Departures"),
                            .th(.class("num hide-narrow"), "With disabilities"), .th(.class("hide-narrow"), "Source"))),
                    .tbody(
                        .forEach(profile.counts) { count in
                            .tr(
                                .td(.text(Format.day(count.countedOn))),
                                .td(.class("num"), .text(Format.number(count.individuals))),
                                .td(.class("num"), .text(Format.number(count.households))),
                                .td(.class("num hide-narrow"), .text(Format.number(count.arrivals))),
                                .td(.class("num hide-narrow"), .text(Format.number(count.departures))),
                                .td(.class("num hide-narrow"), .text(Format.number(count.personsWithDisabilities))),
                                .td(.class("hide-narrow"), .text(count.source.label)))
                        })))
        )
    }
}
