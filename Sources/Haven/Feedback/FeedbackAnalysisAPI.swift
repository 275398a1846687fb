import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/feedback`: what people say, as counts safe for anyone who reads operational data.
struct FeedbackAnalysisAPI: RouteCollection {
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

    func boot(routes: any RoutesBuilder) throws {
        routes.get("analysis", "feedback", use: figures)
        routes.get("exports", "feedback.csv") { req in
            try req.authorize(.readOperationalData)
            let window = try FeedbackAnalysis(req)
            return try await FeedbackExport.csv(from: window.from, to: window.to, on: req.db)
        }
    }

    func figures(req: Request) async throws -> Figures {
        try req.authorize(.readOperationalData)
        return try await FeedbackAnalysis(req).figures(req)
    }
}

/// The counts behind the feedback figures, each read in the database and suppressed where small.
struct FeedbackAnalysis {
    var from: ReportingMonth
    var to: ReportingMonth

    init(_ req: Request) throws {
        let current = ReportingMonth(CalendarDay.today())
        var errors: [FieldError] = []
        func month(_ name: String, _ fallback: ReportingMonth) -> ReportingMonth {
            guard let raw = (req.query[name] as String?).nonEmpty else { return fallback }
            guard let month = ReportingMonth(raw) else { errors.append(FieldError(name, "'\(raw)' is not a month written yyyy-mm")); return fallback }
            return month
        }
        from = month("from", current.adding(months: -11))
        to = month("to", current)
        try HavenError.check(errors)
    }

    func figures(_ req: Request) async throws -> FeedbackAnalysisAPI.Figures {
        let db = req.db
        let threshold = req.application.havenSettings.smallCellThreshold
        let categories = Dictionary(try await FeedbackCategory.query(on: db).all().map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        func cells(_ column: String, label: (String) -> String) async throws -> [FeedbackAnalysisAPI.Cell] {
            FeedbackFigures.breakdown(try await counts(by: column, on: db), threshold: threshold).cells
                .map { .init(key: $0.key, label: label($0.key), count: $0.count) }
        }
        let now = Date()
        struct Totals: Decodable { var received: Int?; var open: Int?; var overdue: Int?; var due: Int?; var inTime: Int? }
        let totals = try await db.sql.raw("""
            SELECT COUNT(*) AS received,
              SUM(CASE WHEN status NOT IN ('responded', 'closed') THEN 1 ELSE 0 END) AS open,
              SUM(CASE WHEN (status = 'new' AND acknowledge_by < \(bind: now)) OR (status NOT IN ('responded', 'closed') AND respond_by < \(bind: now)) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN wants_answer AND (respond_by < \(bind: now) OR responded_at IS NOT NULL) THEN 1 ELSE 0 END) AS due,
              SUM(CASE WHEN wants_answer AND responded_at IS NOT NULL AND responded_at <= respond_by THEN 1 ELSE 0 END) AS "inTime"
            FROM feedback WHERE \(window)
            """).first(decoding: Totals.self)
        let sites = try await siteFigures(req, threshold: threshold)
        return .init(
            from: from.description, to: to.description, threshold: threshold,
            received: Disclosure.shown(totals?.received ?? 0, threshold: threshold), open: Disclosure.shown(totals?.open ?? 0, threshold: threshold),
            overdue: Disclosure.shown(totals?.overdue ?? 0, threshold: threshold),
            answeredInTimePercent: FeedbackFigures.answeredInTimeShare(answeredInTime: totals?.inTime ?? 0, due: totals?.due ?? 0),
            byCategory: try await cells("category_code") { categories[$0] ?? $0 },
            byChannel: try await cells("channel") { FeedbackChannel(rawValue: $0)?.label ?? $0 },
            bySex: try await cells("sex") { FeedbackSex(rawValue: $0)?.label ?? "Not given" },
            byAgeGroup: try await cells("age_group") { FeedbackAgeGroup(rawValue: $0)?.label ?? "Not given" },
            byMonth: try await cells("received_month") { $0 },
            sites: sites.figures, sitesWithFunctioningMechanism: sites.functioning, openSites: sites.open)
    }

    private var window: SQLQueryString {
        "archived_at IS NULL AND received_month >= \(bind: from.description) AND received_month <= \(bind: to.description)"
    }

    private func counts(by column: String, on db: any Database) async throws -> [FeedbackFigures.Count] {
        struct Row: Decodable { var key: String?; var count: Int }
        return try await db.sql.raw("SELECT \(ident: column) AS key, COUNT(*) AS count FROM feedback WHERE \(window) GROUP BY \(ident: column)")
            .all(decoding: Row.self).map { .init(key: $0.key ?? "", count: $0.count) }
    }

    /// Per site: how much arrived and about which sector most, beside the site's severity there; and CM-10.
    private func siteFigures(_ req: Request, threshold: Int) async throws -> (figures: [FeedbackAnalysisAPI.SiteFigures], functioning: Int, open: Int) {
        struct Row: Decodable { var site_id: UUID; var sector: String; var count: Int }
        let rows = try await req.db.sql.raw("SELECT site_id, sector, COUNT(*) AS count FROM feedback WHERE \(window) GROUP BY site_id, sector")
            .all(decoding: Row.self)
        let (_, scores) = try await GapAnalysisQuery(req).sites(on: req.db)
        let severity = Dictionary(scores.map { ($0.siteID, $0) }, uniquingKeysWith: { a, _ in a })
        let bySite = Dictionary(grouping: rows, by: \.site_id)
        let open = Set(try await Site.query(on: req.db).filter(\.$archivedAt == nil).filter(\.$status ~~ [.open, .closing]).field(\.$id).all().compactMap(\.id))
        let referral = Set(try await Service.query(on: req.db).filter(\.$archivedAt == nil).filter(\.$sector == "Protection")
            .filter(\.$referralFocalPoint != "").field(\.$site.$id).all().map { $0.$site.id })
        let functioning = FeedbackFigures.functioningMechanisms(openSites: open, withFeedback: Set(bySite.keys), withProtectionReferral: referral)
        let codes = Dictionary(try await Site.query(on: req.db).filter(\.$id ~~ Array(bySite.keys)).field(\.$id).field(\.$code).all().map { ($0.id!, $0.code) },
                               uniquingKeysWith: { a, _ in a })
        let ranked = bySite.map { site, rows in (site, rows.map(\.count).reduce(0, +), rows.filter { !$0.sector.isEmpty }.max { $0.count < $1.count }) }
            .sorted { ($0.1, codes[$1.0] ?? "") > ($1.1, codes[$0.0] ?? "") }.prefix(50)
        let figures = ranked.map { site, received, top in
            let monitoring = top.flatMap { ResponseSector.named($0.sector)?.monitoringSectors }
            let sectorSeverity = monitoring.flatMap { sectors in sectors.compactMap { severity[site]?.sectors[$0]?.rawValue }.max() }
            return FeedbackAnalysisAPI.SiteFigures(siteId: site, code: codes[site] ?? "", received: Disclosure.shown(received, threshold: threshold),
                                                   topSector: top?.sector, topSectorCount: top.flatMap { Disclosure.shown($0.count, threshold: threshold) },
                                                   sectorSeverity: sectorSeverity, overallSeverity: severity[site]?.overall?.rawValue)
        }
        return (figures, functioning.count, open.count)
    }
}
