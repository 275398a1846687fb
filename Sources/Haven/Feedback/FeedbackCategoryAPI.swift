import Fluent
import Vapor

/// `POST /api/v1/feedback-categories` and `PUT /feedback-categories/{code}`: coordinators adapt the categories.
struct FeedbackCategoryAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("feedback-categories", use: create)
        routes.put("feedback-categories", ":code", use: update)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let body = try req.content.decode(FeedbackCategoryBody.self)
        let taken = Set(try await FeedbackCategory.query(on: req.db).all().map(\.code))
        try HavenError.check(FeedbackCategoryRules.check(body, existing: nil, takenCodes: taken, itemsUseIt: false))
        let position = (try await FeedbackCategory.query(on: req.db).max(\.$position) ?? 0) + 1
        let category = FeedbackCategory(
            code: body.code.trimmed.uppercased(), label: body.label.trimmed, sensitive: body.sensitive,
            acknowledgeDays: body.acknowledgeDays, respondHours: body.respondHours, position: position)
        category.labels = LocalLabels(body.labels ?? [:])
        try await Audit.create(category, by: user.actor, on: req.db)
        return try await FeedbackCategoryBody(category).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> FeedbackCategoryBody {
        let user = try req.authorize(.editCatalogue)
        guard let code = req.parameters.get("code"),
            let category = try await FeedbackCategory.query(on: req.db).filter(\.$code == code.uppercased()).first()
        else {
            throw HavenError.notFound("Feedback category")
        }
        let body = try req.content.decode(FeedbackCategoryBody.self)
        let used =
            try await FeedbackItem.query(on: req.db).filter(\.$category.$id == category.requireID()).first() != nil
        try HavenError.check(FeedbackCategoryRules.check(body, existing: category, takenCodes: [], itemsUseIt: used))
        let before = category.auditFields
        (category.label, category.sensitive, category.acknowledgeDays, category.respondHours) =
            (body.label.trimmed, body.sensitive, body.acknowledgeDays, body.respondHours)
        if let labels = body.labels { category.labels = LocalLabels(labels) }
        try await Audit.update(category, before: before, by: user.actor, on: req.db)
        return FeedbackCategoryBody(category)
    }
}

struct FeedbackCategoryBody: Content {
    var code: String, label: String, sensitive: Bool, acknowledgeDays: Int, respondHours: Int
    /// The label in other languages by code (`{"fr": …, "ar": …}`); absent when writing leaves them as they are.
    var labels: [String: String]?

    init(_ category: FeedbackCategory) {
        (code, label, sensitive, acknowledgeDays, respondHours) =
            (category.code, category.label, category.sensitive, category.acknowledgeDays, category.respondHours)
        labels = category.labels.byLanguage
    }
}
