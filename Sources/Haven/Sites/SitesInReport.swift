/// The sites and their people in the monthly report: how many sites are open and how many people live in them at
/// the month's end against the month before's, which sites opened, began closing or closed, and how people moved.
struct SitesInReport: ReportSection {
    static func draft(_ month: ReportingMonth, _ context: ReportContext) async throws -> ReportPart {
        let now = try await context.sites(at: month.lastDay)
        let before = try await context.sites(at: month.adding(months: -1).lastDay)
        let moved = try await SitesAsOf.movements(from: month.firstDay, to: month.lastDay, on: context.db)
        return part(now: now, before: before, arrivals: moved.arrivals, departures: moved.departures)
    }

    /// Open sites and the people counted in them, at one moment.
    static func totals(_ states: [SitesAsOf.State]) -> (sites: Int, people: Int, households: Int) {
        let open = states.filter(\.isOpen)
        return (
            open.count, open.reduce(0) { $0 &+ ($1.people ?? 0) }, open.reduce(0) { $0 &+ ($1.households ?? 0) }
        )
    }

    /// Sites whose status at the month's end differs from the month before's, by the status they reached.
    static func changes(now: [SitesAsOf.State], before: [SitesAsOf.State]) -> [SiteStatus: [SitesAsOf.State]] {
        let earlier = Dictionary(before.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        let changed = now.filter { state in state.status != nil && earlier[state.id] != state.status }
        return Dictionary(grouping: changed) { $0.status ?? .planned }
    }

    static func part(now: [SitesAsOf.State], before: [SitesAsOf.State], arrivals: Int, departures: Int) -> ReportPart {
        let (sites, people, households) = totals(now)
        let previous = totals(before)
        let changes = changes(now: now, before: before)
        var lines: [String] = []
        func list(_ status: SiteStatus, _ heading: String) {
            let sites = changes[status] ?? []
            guard !sites.isEmpty else { return }
            lines.append("\(heading) (\(Format.number(sites.count))):")
            lines.append("")
            lines += sites.prefix(20).map { "- \(Markdown.escaped("\($0.code) \($0.name)"))" }
            if sites.count > 20 { lines.append("- and \(Format.number(sites.count - 20)) more") }
            lines.append("")
        }
        lines.append(
            "At the end of the month \(Format.number(sites)) sites were open, with \(Format.number(people)) people in "
                + "\(Format.number(households)) households counted in them (\(signed(people &- previous.people)) "
                + "people on the month before).")
        lines.append("")
        list(.open, "Opened")
        list(.closing, "Began closing")
        list(.closed, "Closed")
        if changes.isEmpty {
            lines += ["No site opened, began closing or closed this month.", ""]
        }
        lines.append(
            "Counts this month recorded \(Format.number(arrivals)) arrivals and \(Format.number(departures)) "
                + "departures.")
        return ReportPart(
            title: "Sites and people",
            figures: [
                ReportFigure("open_sites", "Open sites", sites, previous: previous.sites),
                ReportFigure("people", "People in open sites", people, previous: previous.people),
                ReportFigure("households", "Households in open sites", households, previous: previous.households),
                ReportFigure("sites_opened", "Sites opened", changes[.open]?.count ?? 0),
                ReportFigure("sites_closed", "Sites closed", changes[.closed]?.count ?? 0),
                ReportFigure("arrivals", "Arrivals recorded", arrivals),
                ReportFigure("departures", "Departures recorded", departures),
            ],
            markdown: lines.joined(separator: "\n"))
    }

    private static func signed(_ value: Int) -> String {
        value > 0 ? "+" + Format.number(value) : Format.number(value)
    }
}

extension ReportContext {
    /// Each site as it stood at the end of a day, read once per draft for every section that needs it.
    func sites(at day: CalendarDay) async throws -> [SitesAsOf.State] {
        let db = db
        return try await memo.value("sites at \(day)") { try await SitesAsOf.states(at: day, on: db) }
    }
}
