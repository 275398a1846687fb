import Plot

/// The home page of one person, by role; every figure is a link to the list it counts.
struct HomeView {
    var home: Home

    private var month: ReportingMonth { ReportingMonth(home.today) }

    func render() -> String {
        let role = home.user.role
        return Layout.page(
            "Home", user: home.user,
            .h1(.text("Hello, \(home.user.name)")),
            .h2("The operation"),
            operation,
            reports,
            .unwrap(home.changes) { changes($0) },
            .if(!home.waitingImports.isEmpty, waitingImports),
            .unwrap(home.feedback) { feedback($0) },
            .if(role == .partner, partner),
            .if(role == .siteManager, ownSites),
            .if(!home.worstSites.isEmpty, worstSites))
    }

    private static func figure(_ value: Int, _ label: String, _ link: String) -> Node<HTML.BodyContext> {
        .div(.a(.href(link), .strong(.text(Format.number(value))), .text(label)))
    }

    private var operation: Node<HTML.BodyContext> {
        let figures = home.operation
        return .div(
            .class("totals"),
            Self.figure(figures.openSites, "open sites", Paths.sites.link()),
            Self.figure(figures.people, "people in them", Paths.with(Paths.sites, ["sort": "-population"])),
            Self.figure(
                figures.severeSites, "sites at severity 4 or 5", Paths.with(Paths.monitoring, ["minSeverity": "4"])),
            Self.figure(
                figures.staleSites, "sites without a round in \(Home.staleAfterDays) days", Paths.monitoring.link()),
            Self.figure(
                home.reporting.lines,
                home.user.role == .partner
                    ? "5W lines of yours in \(Format.month(month))" : "5W lines in \(Format.month(month))",
                Paths.with(Paths.activities, ["month": month.description])),
            .if(
                home.user.role != .partner,
                Self.figure(
                    home.reporting.organisations, "organisations reporting",
                    Paths.with(Paths.activities, ["month": month.description]))))
    }

    /// Where the monthly situation report stands: last month's for those who write it, the latest for the rest.
    private var reports: Node<HTML.BodyContext> {
        let standing = home.reports
        let month = standing.lastMonth
        let latest: Node<HTML.BodyContext> = .unwrap(standing.latestPublished) { published in
            .p(
                .text("Latest situation report: "),
                .a(.href(Paths.report.link(published.description)), .text(Format.monthName(published))), ".")
        }
        guard Permission.writeReports.isGranted(to: home.user) else { return latest }
        return switch standing.lastMonthStatus {
        case nil:
            .p(
                .text("The situation report of \(Format.monthName(month)) is not drafted yet: "),
                .a(.href(Paths.reports), "draft it"), ".")
        case .draft:
            .p(
                .text("The situation report of \(Format.monthName(month)) is a draft: "),
                .a(.href(Paths.report.link(month.description)), "edit and publish it"), ".")
        case .published: latest
        }
    }

    /// The last 30 days, each figure leading to the list it counts.
    private func changes(_ changes: HomeChanges) -> Node<HTML.BodyContext> {
        let lastMonth = month.adding(months: -1)
        return .group(
            .h2(.text("In the last \(Home.changeWindowDays) days")),
            .div(
                .class("totals"),
                Self.figure(changes.opened, "sites opened", Paths.with(Paths.sites, ["status": "open"])),
                Self.figure(changes.closing, "sites closing", Paths.with(Paths.sites, ["status": "closing"])),
                Self.figure(changes.closed, "sites closed", Paths.with(Paths.sites, ["status": "closed"])),
                .div(
                    .a(
                        .href(Paths.with(Paths.sites, ["sort": "-population"])),
                        .strong(.text((changes.people > 0 ? "+" : "") + Format.number(changes.people))),
                        .text("people in the counts of the period"))),
                Self.figure(
                    changes.linesLastMonth, "5W lines in \(Format.month(lastMonth))",
                    Paths.with(Paths.activities, ["month": lastMonth.description])),
                .if(
                    home.organisationsBehind > 0,
                    Self.figure(
                        home.organisationsBehind, "organisations without a line in \(Format.month(lastMonth))",
                        Paths.ownReporting.link()))),
            changes.rose.isEmpty
                ? .p(.text("No site's severity rose in its latest round; \(changes.fell) fell."))
                : .group(
                    .p(
                        .text(
                            "Severity rose at \(changes.rose.count) site\(changes.rose.count == 1 ? "" : "s") in its latest round"
                                + (changes.fell > 0 ? " (and fell at \(changes.fell))" : "") + ":")),
                    .ul(
                        .class("results"),
                        .forEach(changes.rose.prefix(10)) { move in
                            .li(
                                .a(.href(Paths.site.link(move.siteID)), .text(move.name)),
                                .small(.class("code"), .text(" \(move.code) ")),
                                RoundSection.chip(Severity(rawValue: move.from)), " → ",
                                RoundSection.chip(Severity(rawValue: move.to)))
                        })))
    }

    private var waitingImports: Node<HTML.BodyContext> {
        .group(
            .h2("Your files waiting to be imported"),
            .p("Checked and ready: confirm each to import it, or upload it again if it changed."),
            .ul(
                .class("results"),
                .forEach(home.waitingImports) { waiting in .li(.a(.href(waiting.link), .text(waiting.fileName))) }))
    }

    private func feedback(_ digest: FeedbackDigest) -> Node<HTML.BodyContext> {
        .group(
            .h2("Complaints and feedback you handle"),
            .div(
                .class("totals"),
                Self.figure(digest.late, "late", Paths.with(Paths.complaints, ["overdue": "true"])),
                Self.figure(digest.toAcknowledge, "to acknowledge", Paths.with(Paths.complaints, ["status": "new"])),
                Self.figure(digest.dueSoon, "due within 48 hours", Paths.complaints.link())))
    }

    private var partner: Node<HTML.BodyContext> {
        .group(
            .h2("Your 5W"),
            home.monthsOwed.isEmpty
                ? .p("Your organisation has reported every one of the last three months.")
                : .p(
                    .class("alert"),
                    .text(
                        "No line from your organisation for "
                            + home.monthsOwed.map(Format.month).joined(separator: ", ") + ". "),
                    .a(.href(Paths.ownReporting), "Report them")))
    }

    private var ownSites: Node<HTML.BodyContext> {
        .group(
            .h2("Your sites"),
            home.ownSites.isEmpty
                ? .p("No site is assigned to you yet: ask a coordinator.")
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th("Site"), .th(.class("num"), "People"), .th("Last count"), .th("Last round"),
                                .th("Severity"))),
                        .tbody(
                            .forEach(home.ownSites) { site in
                                .tr(
                                    .td(siteLink(site)), .td(.class("num"), .text(Format.number(site.people))),
                                    .td(
                                        .text(Format.day(site.countedOn)),
                                        .if(
                                            isOlder(site.countedOn, than: Home.countDueAfterDays),
                                            .a(.class("missing"), .href(Paths.newCount.link(site.id)), "count due"))),
                                    .td(
                                        .text(Format.day(site.roundOn)),
                                        .if(
                                            isOlder(site.roundOn, than: Home.staleAfterDays),
                                            .a(.class("missing"), .href(Paths.newRound.link(site.id)), "round due"))),
                                    .td(RoundSection.chip(site.severity.flatMap(Severity.init(rawValue:)))))
                            }))))
    }

    private var worstSites: Node<HTML.BodyContext> {
        .group(
            .h2("The worst sites"),
            .p("Open sites at severity 3 or worse in their latest round, worst and most populous first."),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(.tr(.th("Site"), .th("Severity"), .th(.class("num"), "People"), .th("Last round"))),
                    .tbody(
                        .forEach(home.worstSites) { site in
                            .tr(
                                .td(siteLink(site)),
                                .td(RoundSection.chip(site.severity.flatMap(Severity.init(rawValue:)))),
                                .td(.class("num"), .text(Format.number(site.people))),
                                .td(.text(Format.day(site.roundOn))))
                        }))),
            .p(.a(.href(Paths.with(Paths.monitoring, ["minSeverity": "3"])), "Every site at 3 or worse")))
    }

    private func siteLink(_ site: Home.SiteLine) -> Node<HTML.BodyContext> {
        .group(.a(.href(Paths.site.link(site.id)), .text(site.name)), .small(.class("code"), .text(" \(site.code)")))
    }

    /// Whether a day is missing or more than `days` before today.
    private func isOlder(_ day: String?, than days: Int) -> Bool {
        guard let day = day.flatMap(CalendarDay.init) else { return true }
        return day < home.today.adding(days: -days)
    }
}
