import Fluent
import SQLKit
import Vapor

/// The counts behind the feedback figures, each read in the database and suppressed where small.
struct FeedbackFiguresQuery {
    struct Cell: Content {
        var key: String, label: String
        /// Absent when the count is too small to show.
        var count: Int?
    }

    struct SiteFigures: Content {
        var siteId: UUID, code: String
        var received: Int?
        var topSector: String?, topSectorCount: Int?
        /// The site's severity in that sector, and overall, from its latest monitoring round.
        var sectorSeverity: Int?, overallSeverity: Int?
    }

    struct Figures: Content {
        var from: String, to: String, threshold: Int
        var received: Int?, open: Int?, overdue: Int?, answeredInTimePercent: Double?
        var byCategory: [Cell], byChannel: [Cell], bySex: [Cell], byAgeGroup: [Cell], byMonth: [Cell]
        var sites: [SiteFigures]
        var sitesWithFunctioningMechanism: Int, openSites: Int
    }

    var from: ReportingMonth
    var to: ReportingMonth

    init(_ req: Request) throws {
        let current = ReportingMonth(CalendarDay.today())
        var errors: [FieldError] = []
        func month(_ name: String, _ fallback: ReportingMonth) -> ReportingMonth {
            guard let raw = (req.query[name] as String?).nonEmpty else { return fallback }
            guard let month = ReportingMonth(raw) else {
                errors.append(ReportingMonth.refusal(name, raw))
                return fallback
            }
            return month
        }
        from = month("from", current.adding(months: -11))
        to = month("to", current)
        try HavenError.check(errors)
    }

    func figures(_ req: Request) async throws -> FeedbackFiguresQuery.Figures {
        let db = req.replica
        let threshold = req.application.havenSettings.smallCellThreshold
        let categories = Dictionary(
            try await FeedbackCategory.query(on: db).all().map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        let counts = Dictionary(
            grouping: try await FeedbackTallies.counts(FeedbackTally.Dimension.operation, from: from, to: to, on: db),
            by: \.dimension)
        func total(_ dimension: FeedbackTally.Dimension, where include: (String) -> Bool = { _ in true }) -> Int {
            counts[dimension.rawValue, default: []].filter { include($0.value) }.map(\.items).reduce(0, +)
        }
        func cells(
            _ dimension: FeedbackTally.Dimension, by key: KeyPath<FeedbackTallies.Count, String> = \.value,
            label: (String) -> String
        ) -> [FeedbackFiguresQuery.Cell] {
            let summed = Dictionary(
                counts[dimension.rawValue, default: []].map { ($0[keyPath: key], $0.items) }, uniquingKeysWith: +)
            return FeedbackFigures.breakdown(summed.map { .init(key: $0.key, count: $0.value) }, threshold: threshold)
                .cells
                .map { .init(key: $0.key, label: label($0.key), count: $0.count) }
        }
        let open = total(.status) { FeedbackStatus(rawValue: $0)?.isOpen ?? false }
        let late = try await lateCounts(on: db)
        let sites = try await siteFigures(on: db, threshold: threshold)
        return .init(
            from: from.description, to: to.description, threshold: threshold,
            received: Disclosure.shown(total(.received), threshold: threshold),
            open: Disclosure.shown(open, threshold: threshold),
            overdue: Disclosure.shown(late.overdue, threshold: threshold),
            answeredInTimePercent: FeedbackFigures.answeredInTimeShare(
                answeredInTime: total(.answeredInTime), due: total(.answered) + late.unanswered),
            byCategory: cells(.category) { categories[$0] ?? $0 },
            byChannel: cells(.channel) { FeedbackChannel(rawValue: $0)?.label ?? $0 },
            bySex: cells(.sex) { FeedbackSex(rawValue: $0)?.label ?? "Not given" },
            byAgeGroup: cells(.ageGroup) { FeedbackAgeGroup(rawValue: $0)?.label ?? "Not given" },
            byMonth: cells(.received, by: \.month) { $0 },
            sites: sites.figures, sitesWithFunctioningMechanism: sites.functioning, openSites: sites.open)
    }

    /// What is late now, and of it what waits past its answer time for a person who asked for one: the only
    /// figures that change with the clock, read from the index of items by the moment they fall late.
    private func lateCounts(on db: any Database) async throws -> (overdue: Int, unanswered: Int) {
        struct Row: Decodable {
            var overdue: Int?
            var unanswered: Int?
        }
        let now = Date()
        // The months are tested inside the sums: in the WHERE clause they would lead SQLite to the index by month,
        // which holds every item, instead of the one that holds the late ones first.
        let window: SQLQueryString =
            "received_month >= \(bind: from.description) AND received_month <= \(bind: to.description)"
        let row = try await db.sql.raw(
            """
            SELECT SUM(CASE WHEN \(window) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN \(window) AND wants_answer AND respond_by < \(bind: now) THEN 1 ELSE 0 END) AS unanswered
            FROM \(ident: FeedbackItem.schema) WHERE late_from < \(bind: now) AND archived_at IS NULL
            """
        ).first(decoding: Row.self)
        return (row?.overdue ?? 0, row?.unanswered ?? 0)
    }

    /// Per site: how much arrived and about which sector most, beside the site's severity there; and CM-10.
    private func siteFigures(on db: any Database, threshold: Int) async throws -> (
        figures: [FeedbackFiguresQuery.SiteFigures], functioning: Int, open: Int
    ) {
        // Sites stay as the text the counters hold while they are ranked: making that text from ids again in every
        // comparison cost most of the time of the figures at 5,000 sites.
        let received = try await FeedbackTallies.counts([.site], from: from, to: to, byMonth: false, on: db).filter {
            $0.items > 0
        }
        struct Row: Decodable { var id: UUID }
        let open = Set(
            try await db.sql.raw(
                """
                SELECT id FROM \(ident: Site.schema) WHERE archived_at IS NULL AND status IN (\(binds: [SiteStatus.open.rawValue, SiteStatus.closing.rawValue]))
                """
            ).all(decoding: Row.self).map(\.id))
        let referral = Set(
            try await db.sql.raw(
                """
                SELECT site_id AS id FROM \(ident: Service.schema) WHERE archived_at IS NULL AND sector = 'Protection' AND referral_focal_point <> ''
                """
            ).all(decoding: Row.self).map(\.id))
        let functioning = FeedbackFigures.functioningMechanisms(
            openSites: open, withFeedback: Set(received.compactMap { UUID(uuidString: $0.scope) }),
            withProtectionReferral: referral)
        let busiest = received.sorted { ($0.items, $1.scope) > ($1.items, $0.scope) }.prefix(50)
            .compactMap { count in UUID(uuidString: count.scope).map { (key: $0, value: count.items) } }
        let ids = busiest.map(\.key)
        let sectors = Dictionary(
            grouping: try await FeedbackTallies.counts([.siteSector], from: from, to: to, sites: ids, on: db),
            by: \.scope)
        let codes = Dictionary(
            try await Site.query(on: db).filter(\.$id ~~ ids).field(\.$id).field(\.$code).all().map {
                ($0.id!, $0.code)
            },
            uniquingKeysWith: { a, _ in a })
        let severity = try await LatestSeverities.of(ids, on: db)
        let figures = busiest.map { site, count in
            let bySector = Dictionary(
                (sectors[site.uuidString] ?? []).filter { !$0.value.isEmpty }.map { ($0.value, $0.items) },
                uniquingKeysWith: +)
            let top = bySector.max { ($0.value, $1.key) < ($1.value, $0.key) }
            let monitoring = top.flatMap { ResponseSector.named($0.key)?.monitoringSectors }
            let sectorSeverity = monitoring.flatMap { sectors in
                sectors.compactMap { severity[site]?.sectors[$0]?.rawValue }.max()
            }
            return FeedbackFiguresQuery.SiteFigures(
                siteId: site, code: codes[site] ?? "", received: Disclosure.shown(count, threshold: threshold),
                topSector: top?.key, topSectorCount: top.flatMap { Disclosure.shown($0.value, threshold: threshold) },
                sectorSeverity: sectorSeverity, overallSeverity: severity[site]?.overall?.rawValue)
        }
        return (figures, functioning.count, open.count)
    }
}
