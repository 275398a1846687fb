import Fluent
import Vapor

/// A piece of feedback as the API returns it. Lists never carry what the person said of a sensitive case,
/// nor anyone's contact: those come with the item alone, to someone allowed to open it.
struct FeedbackBody: Content {
    var id: UUID
    var reference: String
    var receivedAt: Date
    var channel: FeedbackChannel
    var siteId: UUID
    var category: String
    var sensitive: Bool
    var sector: String?
    var description: String?
    var contact: String?
    var consentToContact: Bool
    var wantsAnswer: Bool
    var sex: FeedbackSex?
    var ageGroup: FeedbackAgeGroup?
    var disability: Bool?
    var status: FeedbackStatus
    var referredToId: UUID?
    var focalPoint: String?
    var response: String?
    var closedVia: FeedbackChannel?
    var satisfaction: FeedbackSatisfaction?
    var acknowledgeBy: Date
    var respondBy: Date
    var respondedAt: Date?
    var closedAt: Date?
    var overdue: Bool

    /// `opened` holds what was unsealed for someone allowed to read it; without it, a list entry.
    init(
        _ item: FeedbackItem, opened: (description: String, contact: String, response: String)? = nil,
        now: Date = Date()
    ) throws {
        id = try item.requireID()
        (reference, receivedAt, channel, siteId, category, sensitive) = (
            item.reference, item.receivedAt, item.channel, item.$site.id, item.categoryCode, item.sensitive
        )
        sector = item.sector.isEmpty ? nil : item.sector
        description = opened?.description ?? (item.sensitive ? nil : item.description)
        contact = opened.map { $0.contact.isEmpty ? nil : $0.contact } ?? nil
        response =
            opened.map { $0.response.isEmpty ? nil : $0.response }
            ?? (item.sensitive || item.response.isEmpty ? nil : item.response)
        (consentToContact, wantsAnswer, sex, ageGroup, disability) = (
            item.consentToContact, item.wantsAnswer, item.sex, item.ageGroup, item.disability
        )
        (status, referredToId, closedVia, satisfaction) = (
            item.status, item.$referredTo.id, item.closedVia, item.satisfaction
        )
        focalPoint = item.focalPoint.isEmpty ? nil : item.focalPoint
        (acknowledgeBy, respondBy, respondedAt, closedAt) = (
            item.acknowledgeBy, item.respondBy, item.respondedAt, item.closedAt
        )
        overdue = FeedbackDeadlines.isOverdue(status: item.status, due: item.due, now: now)
    }
}

struct FeedbackCategoryBody: Content {
    var code: String, label: String, sensitive: Bool, acknowledgeDays: Int, respondHours: Int

    init(_ category: FeedbackCategory) {
        (code, label, sensitive, acknowledgeDays, respondHours) =
            (category.code, category.label, category.sensitive, category.acknowledgeDays, category.respondHours)
    }
}

/// `/api/v1/feedback`: complaints and feedback for help desks' tools and partner systems.
struct FeedbackAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("feedback-categories", use: categories)
        let feedback = routes.grouped("feedback")
        feedback.get(use: list)
        feedback.post(use: create)
        feedback.get(":id", use: show)
        feedback.post(":id", "transitions", use: transition)
        feedback.post(":id", "category", use: reclassify)
    }

    func categories(req: Request) async throws -> Page<FeedbackCategoryBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let (all, total) = try await FeedbackCategory.query(on: req.db).filter(\.$archivedAt == nil).sort(\.$position)
            .fetchPage(page)
        return Page(items: all.map(FeedbackCategoryBody.init), total: total, request: page)
    }

    func list(req: Request) async throws -> Page<FeedbackBody> {
        let page = try PageRequest(req)
        let filter = try FeedbackFilter(req)
        let (items, total) = try await filter.page(page, on: req.db)
        return Page(items: try items.map { try FeedbackBody($0) }, total: total, request: page)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(FeedbackInput.self)
        let site = try await Site.find(input.siteId, on: req.db)
        if let site { try req.authorize(.recordFeedback(site.scope)) }
        let item = try await FeedbackRegister.record(
            input, at: site, by: user.actor, cipher: req.feedbackCipher, on: req.db)
        return try await FeedbackBody(item).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> FeedbackBody {
        let (user, item) = try await Self.handled(req)
        return try FeedbackBody(
            item, opened: try await FeedbackRegister.open(item, by: user, cipher: req.feedbackCipher, on: req.db))
    }

    func transition(req: Request) async throws -> FeedbackBody {
        let (user, item) = try await Self.handled(req)
        return try FeedbackBody(
            try await FeedbackRegister.transition(
                item, try req.content.decode(FeedbackTransition.self), by: user,
                cipher: req.feedbackCipher, on: req.db))
    }

    struct Reclassification: Content {
        var category: String
        var sector: String?
    }

    func reclassify(req: Request) async throws -> FeedbackBody {
        let (user, item) = try await Self.handled(req)
        let body = try req.content.decode(Reclassification.self)
        return try FeedbackBody(
            try await FeedbackRegister.reclassify(
                item, as: body.category, sector: body.sector, by: user,
                cipher: req.feedbackCipher, on: req.db))
    }

    /// The item, if this person may handle it; to anyone else it does not exist.
    static func handled(_ req: Request) async throws -> (UserContext, FeedbackItem) {
        let user = try req.requireUser()
        let item = try await req.find(FeedbackItem.self, named: "Feedback")
        let site = try await Site.find(item.$site.id, on: req.db)
        guard Permission.handleFeedback(item.scope(managedBy: site?.$managementAgency.id)).isGranted(to: user) else {
            throw HavenError.notFound("Feedback")
        }
        return (user, item)
    }
}

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

    init(_ req: Request) throws {
        try self.init(lister: try req.requireUser())
        var errors: [FieldError] = []
        if let raw = (req.query["site"] as String?).nonEmpty {
            site = UUID(uuidString: raw)
            if site == nil { errors.append(FieldError("site", "'\(raw)' is not an id")) }
        }
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
        try HavenError.check(errors)
    }

    /// The page asked for, and how many items the whole list holds. A coordinator's or administrator's list with no
    /// filter holds every item not archived (less the sensitive ones, for someone who is no focal point): the
    /// monthly counters say how many without counting a million rows.
    func page(_ request: PageRequest, on db: any Database) async throws -> (items: [FeedbackItem], total: Int) {
        let query = sorted(try await query(on: db))
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

    func query(on db: any Database, now: Date = Date()) async throws -> QueryBuilder<FeedbackItem> {
        let query = FeedbackItem.query(on: db).filter(\.$archivedAt == nil)
        if !user.feedbackFocalPoint { query.filter(\.$sensitive == false) }
        switch user.role {
        case .siteManager:
            query.filter(\.$site.$id ~~ Array(user.siteIDs))
        case .partner:
            let own = user.organisationID ?? UUID()
            let managed = try await Site.query(on: db).filter(\.$managementAgency.$id == own).field(\.$id).all()
                .compactMap(\.id)
            query.group(.or) { either in
                either.filter(\.$referredTo.$id == own)
                if !managed.isEmpty { either.filter(\.$site.$id ~~ managed) }
            }
        default:
            break
        }
        if let site { query.filter(\.$site.$id == site) }
        if let category { query.filter(\.$categoryCode == category) }
        if let status { query.filter(\.$status == status) }
        if let channel { query.filter(\.$channel == channel) }
        if overdue { query.filter(\.$lateFrom < now) }
        return query
    }
}
