import Fluent
import FluentSQL
import SQLKit
import Vapor

/// The filters of the feedback list, and what each person may list at all.
struct FeedbackFilter {
    var site: UUID?
    var category: String?
    var status: FeedbackStatus?
    var channel: FeedbackChannel?
    var overdue = false
    var user: UserContext

    /// Everything this person may handle, unfiltered.
    init(user: UserContext) {
        self.user = user
    }

    /// Everything this person may list, for someone who reads items one by one: viewers read figures only.
    init(lister user: UserContext) throws {
        guard user.role != .viewer else {
            throw HavenError.forbidden(
                "Viewers read feedback as figures (the figures page, or /api/v1/analysis/feedback), not item by item.")
        }
        self.init(user: user)
    }

    /// The site is named by its code or id.
    init(_ req: Request) async throws {
        try self.init(lister: try req.requireUser())
        var errors: [FieldError] = []
        category = (req.query["category"] as String?).nonEmpty?.uppercased()
        if let raw = (req.query["status"] as String?).nonEmpty {
            status = FeedbackStatus(rawValue: raw)
            if status == nil { errors.append(FieldError("status", "must be one of \(FeedbackStatus.codeList)")) }
        }
        if let raw = (req.query["channel"] as String?).nonEmpty {
            channel = FeedbackChannel(rawValue: raw)
            if channel == nil { errors.append(FieldError("channel", "must be one of \(FeedbackChannel.codeList)")) }
        }
        overdue = req.query["overdue"] == "true"
        site = try await Site.filtered(req.query["site"], field: "site", on: req.db, errors: &errors)
        try HavenError.check(errors)
    }

    /// The page asked for, and how many items the whole list holds. A coordinator's or administrator's list with no
    /// filter holds every item not archived (less the sensitive ones, for someone who is no focal point): the
    /// monthly counters say how many without counting a million rows.
    func page(_ request: PageRequest, on db: any Database) async throws -> (items: [FeedbackItem], total: Int) {
        let query = sorted(query(on: db))
        let wholeOperation =
            [.administrator, .coordinator].contains(user.role) && site == nil && category == nil && status == nil
            && channel == nil && !overdue
        guard wholeOperation else { return try await query.fetchPage(request) }
        let items = try await query.range(request.rows).all()
        return (items, try await FeedbackTallies.received(includingSensitive: user.feedbackFocalPoint, on: db))
    }

    /// Late items by how long they have waited (the longest first), everything else newest first.
    func sorted(_ query: QueryBuilder<FeedbackItem>) -> QueryBuilder<FeedbackItem> {
        overdue ? query.sort(\.$lateFrom).sort(\.$id) : query.sort(\.$receivedAt, .descending).sort(\.$id)
    }

    func query(on db: any Database, now: Date = Date()) -> QueryBuilder<FeedbackItem> {
        FeedbackItem.query(on: db).filter(.sql(conditions(item: FeedbackItem.schema, now: now)))
    }

    /// What this person may list, narrowed by the filter, as SQL conditions over `feedback` aliased `item`:
    /// focal points alone see sensitive items; a site manager the items of their sites; a partner those referred
    /// to it and those of the sites it manages.
    func conditions(item: String, now: Date = Date()) -> SQLQueryString {
        func column(_ name: String) -> SQLQueryString { "\(unsafeRaw: item).\(unsafeRaw: name)" }
        var sql: SQLQueryString = "\(column("archived_at")) IS NULL"
        if !user.feedbackFocalPoint { sql = sql + " AND \(column("sensitive")) = \(bind: false)" }
        switch user.role {
        case .siteManager:
            let sites = user.siteIDs.map { $0 as any Encodable & Sendable }
            sql = sql + (sites.isEmpty ? " AND 1 = 0" : " AND \(column("site_id")) IN (\(binds: sites))")
        case .partner:
            let own = user.organisationID ?? UUID()
            sql =
                sql + """
                     AND (\(column("referred_to_id")) = \(bind: own) OR \(column("site_id")) IN \
                    (SELECT id FROM sites WHERE management_agency_id = \(bind: own)))
                    """
        default:
            break
        }
        if let site { sql = sql + " AND \(column("site_id")) = \(bind: site)" }
        if let category { sql = sql + " AND \(column("category_code")) = \(bind: category)" }
        if let status { sql = sql + " AND \(column("status")) = \(bind: status.rawValue)" }
        if let channel { sql = sql + " AND \(column("channel")) = \(bind: channel.rawValue)" }
        if overdue { sql = sql + " AND \(column("late_from")) < \(bind: now)" }
        return sql
    }
}
