import Plot

/// The home page of one person, by role; every figure is a link to the list it counts.
struct HomeView {
    var home: Home

    private var month: ReportingMonth { ReportingMonth(home.today) }
    /// The reader's language.
    private var w: Wording { Wording.staff }

    func render() -> String {
        let role = home.user.role
        return Layout.page(
            w[.homeTitle], user: home.user,
            .h1(.text(w[.hello, ["name": home.user.name]])),
            .h2(.text(w[.theOperation])),
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
            Self.figure(figures.openSites, w[.openSites], Paths.sites.link()),
            Self.figure(figures.people, w[.peopleInThem], Paths.with(Paths.sites, ["sort": "-population"])),
            Self.figure(
                figures.severeSites, w[.severeSites], Paths.with(Paths.monitoring, ["minSeverity": "4"])),
            Self.figure(
                figures.staleSites, w[.staleSites, ["days": String(Home.staleAfterDays)]], Paths.monitoring.link()),
            Self.figure(
                home.reporting.lines,
                w[home.user.role == .partner ? .yourLinesIn : .linesIn, ["month": Format.month(month)]],
                Paths.with(Paths.activities, ["month": month.description])),
            .if(
                home.user.role != .partner,
                Self.figure(
                    home.reporting.organisations, w[.organisationsReporting],
                    Paths.with(Paths.activities, ["month": month.description]))))
    }

    /// Where the monthly situation report stands: last month's for those who write it, the latest for the rest.
    private var reports: Node<HTML.BodyContext> {
        let standing = home.reports
        let month = standing.lastMonth
        let latest: Node<HTML.BodyContext> = .unwrap(standing.latestPublished) { published in
            .p(
                .text(w[.latestReport] + " "),
                .a(.href(Paths.report.link(published.description)), .text(Format.month(published))))
        }
        guard Permission.writeReports.isGranted(to: home.user) else { return latest }
        return switch standing.lastMonthStatus {
        case nil:
            .p(
                .text(w[.reportNotDrafted, ["month": Format.month(month)]] + " "),
                .a(.href(Paths.reports), .text(w[.draftIt])))
        case .draft:
            .p(
                .text(w[.reportIsDraft, ["month": Format.month(month)]] + " "),
                .a(.href(Paths.report.link(month.description)), .text(w[.editAndPublish])))
        case .published: latest
        }
    }

    /// The last 30 days, each figure leading to the list it counts.
    private func changes(_ changes: HomeChanges) -> Node<HTML.BodyContext> {
        let lastMonth = month.adding(months: -1)
        return .group(
            .h2(.text(w[.lastDays, ["days": String(Home.changeWindowDays)]])),
            .div(
                .class("totals"),
                Self.figure(changes.opened, w[.sitesOpened], Paths.with(Paths.sites, ["status": "open"])),
                Self.figure(changes.closing, w[.sitesClosing], Paths.with(Paths.sites, ["status": "closing"])),
                Self.figure(changes.closed, w[.sitesClosed], Paths.with(Paths.sites, ["status": "closed"])),
                .div(
                    .a(
                        .href(Paths.with(Paths.sites, ["sort": "-population"])),
                        .strong(.text((changes.people > 0 ? "+" : "") + Format.number(changes.people))),
                        .text(w[.peopleInCounts]))),
                Self.figure(
                    changes.linesLastMonth, w[.linesIn, ["month": Format.month(lastMonth)]],
                    Paths.with(Paths.activities, ["month": lastMonth.description])),
                .if(
                    home.organisationsBehind > 0,
                    Self.figure(
                        home.organisationsBehind, w[.organisationsWithoutLine, ["month": Format.month(lastMonth)]],
                        Paths.ownReporting.link()))),
            changes.rose.isEmpty
                ? .p(.text(w[.noSeverityRose, ["count": String(changes.fell)]]))
                : .group(
                    .p(
                        .text(
                            w[
                                changes.fell > 0 ? .severityRoseAndFell : .severityRose,
                                ["count": String(changes.rose.count), "fell": String(changes.fell)]])),
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
            .h2(.text(w[.filesWaiting])),
            .p(.text(w[.filesWaitingText])),
            .ul(
                .class("results"),
                .forEach(home.waitingImports) { waiting in .li(.a(.href(waiting.link), .text(waiting.fileName))) }))
    }

    private func feedback(_ digest: FeedbackDigest) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(w[.feedbackYouHandle])),
            .div(
                .class("totals"),
                Self.figure(digest.late, w[.late], Paths.with(Paths.complaints, ["overdue": "true"])),
                Self.figure(digest.toAcknowledge, w[.toAcknowledge], Paths.with(Paths.complaints, ["status": "new"])),
                Self.figure(digest.dueSoon, w[.dueWithin48Hours], Paths.complaints.link())))
    }

    private var partner: Node<HTML.BodyContext> {
        .group(
            .h2(.text(w[.your5W])),
            home.monthsOwed.isEmpty
                ? .p(.text(w[.everyMonthReported]))
                : .p(
                    .class("alert"),
                    .text(w[.noLineFor, ["months": home.monthsOwed.map(Format.month).joined(separator: ", ")]] + " "),
                    .a(.href(Paths.ownReporting), .text(w[.reportThem]))))
    }

    private var ownSites: Node<HTML.BodyContext> {
        .group(
            .h2(.text(w[.yourSites])),
            home.ownSites.isEmpty
                ? .p(.text(w[.noSiteAssigned]))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(w[.site])), .th(.class("num"), .text(w[.people])),
                                .th(.text(w[.lastCount])), .th(.text(w[.lastRound])), .th(.text(w[.severity])))),
                        .tbody(
                            .forEach(home.ownSites) { site in
                                .tr(
                                    .td(siteLink(site)), .td(.class("num"), .text(Format.number(site.people))),
                                    .td(
                                        .text(Format.day(site.countedOn)),
                                        .if(
                                            isOlder(site.countedOn, than: Home.countDueAfterDays),
                                            .a(
                                                .class("missing"), .href(Paths.newCount.link(site.id)),
                                                .text(w[.countDue])))),
                                    .td(
                                        .text(Format.day(site.roundOn)),
                                        .if(
                                            isOlder(site.roundOn, than: Home.staleAfterDays),
                                            .a(
                                                .class("missing"), .href(Paths.newRound.link(site.id)),
                                                .text(w[.roundDue])))),
                                    .td(RoundSection.chip(site.severity.flatMap(Severity.init(rawValue:)))))
                            }))))
    }

    private var worstSites: Node<HTML.BodyContext> {
        .group(
            .h2(.text(w[.worstSites])),
            .p(.text(w[.worstSitesText])),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th(.text(w[.site])), .th(.text(w[.severity])), .th(.class("num"), .text(w[.people])),
                            .th(.text(w[.lastRound])))),
                    .tbody(
                        .forEach(home.worstSites) { site in
                            .tr(
                                .td(siteLink(site)),
                                .td(RoundSection.chip(site.severity.flatMap(Severity.init(rawValue:)))),
                                .td(.class("num"), .text(Format.number(site.people))),
                                .td(.text(Format.day(site.roundOn))))
                        }))),
            .p(.a(.href(Paths.with(Paths.monitoring, ["minSeverity": "3"])), .text(w[.everySiteAt3]))))
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
