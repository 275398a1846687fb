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
        let (all, total) = try await FeedbackCategory.query(on: req.db).live().sort(\.$position)
            .fetchPage(page)
        return Page(items: all.map(FeedbackCategoryBody.init), total: total, request: page)
    }

    func list(req: Request) async throws -> Page<FeedbackBody> {
        let page = try PageRequest(req)
        let filter = try await FeedbackFilter(req)
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
        let (user, item) = try await FeedbackAccess.handled(req)
        return try FeedbackBody(
            item, opened: try await FeedbackRegister.open(item, by: user, cipher: req.feedbackCipher, on: req.db))
    }

    func transition(req: Request) async throws -> FeedbackBody {
        let (user, item) = try await FeedbackAccess.handled(req)
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
        let (user, item) = try await FeedbackAccess.handled(req)
        let body = try req.content.decode(Reclassification.self)
        return try FeedbackBody(
            try await FeedbackRegister.reclassify(
                item, as: body.category, sector: body.sector, by: user,
                cipher: req.feedbackCipher, on: req.db))
    }
}
