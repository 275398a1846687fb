import Plot

/// What residents of a site have been telling the operation: feedback received over the last twelve months,
/// by sector, from the same counters and with the same small-cell suppression as the feedback figures.
struct FeedbackAtSite: SitePanel {
    struct Cell: Sendable {
        var sector: String
        var count: Int?
    }

    var siteCode: String
    var from: ReportingMonth
    var received: Int?
    var bySector: [Cell]
    var threshold: Int
    /// Whether the person may list items one by one (viewers read figures only).
    var mayList: Bool

    var title: String { "What people are telling us" }

    static func load(_ site: Site, for user: UserContext, _ context: SitePanelContext) async throws
        -> FeedbackAtSite?
    {
        let to = ReportingMonth(context.today)
        let from = to.adding(months: -11)
        let counts = try await FeedbackTallies.counts(
            [.siteSector], from: from, to: to, sites: [try site.requireID()], byMonth: false, on: context.db)
        let bySector = Dictionary(counts.map { ($0.value, $0.items) }, uniquingKeysWith: +).filter { $0.value > 0 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let suppressed = Disclosure.row(bySector.map(\.value), threshold: context.smallCellThreshold)
        return FeedbackAtSite(
            siteCode: site.code, from: from, received: suppressed.total,
            bySector: zip(bySector, suppressed.cells).map {
                Cell(sector: $0.key.isEmpty ? "No sector" : $0.key, count: $1)
            },
            threshold: context.smallCellThreshold, mayList: user.role != .viewer)
    }

    func render() -> Node<HTML.BodyContext> {
        .group(
            .p(
                .text(
                    "Feedback and complaints received since \(Format.month(from)): "
                        + (received.map(Format.number) ?? "fewer than \(threshold)") + "."),
                .if(
                    !bySector.isEmpty,
                    .text(
                        " By sector: "
                            + bySector.map { "\($0.sector) \($0.count.map(Format.number) ?? "<\(threshold)")" }.joined(
                                separator: ", ") + "."))),
            .p(
                .class("links"),
                .if(
                    mayList,
                    .group(
                        .a(.href(Paths.with(Paths.complaints, ["site": siteCode])), "Feedback from this site"), " · ")),
                .a(.href(Paths.with(Paths.publicFeedback, ["site": siteCode])), "The residents' feedback form"))
        )
    }
}
