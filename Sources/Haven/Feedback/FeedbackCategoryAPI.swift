import Fluent
import Vapor

/// The rules of the categories an operation uses: short unique codes, deadlines that make sense, and a
/// sensitivity that never changes once items use the category (their text was sealed, or not, by it).
enum FeedbackCategoryRules {
    static func check(
        _ body: FeedbackCategoryBody, existing: FeedbackCategory?, takenCodes: Set<String>, itemsUseIt: Bool
    ) -> [FieldError] {
        var errors = TextRules.problems([("label", body.label.trimmed, .name)])
        let code = body.code.trimmed.uppercased()
        if let existing {
            if code != existing.code {
                errors.append(FieldError("code", "cannot change; archive this category and add a new one"))
            }
            if body.sensitive != existing.sensitive && itemsUseIt {
                errors.append(
                    FieldError(
                        "sensitive", "cannot change once feedback uses this category; add a new category instead"))
            }
        } else if code.isEmpty || code.count > 20
            || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        {
            errors.append(FieldError("code", "use 1 to 20 letters, digits, - or _"))
        } else if takenCodes.contains(code) {
            errors.append(FieldError("code", "\(code) is already a category"))
        }
        if body.label.trimmed.isEmpty { errors.append(FieldError("label", "is required")) }
        if !(1...60).contains(body.acknowledgeDays) {
            errors.append(FieldError("acknowledgeDays", "must be from 1 to 60 days"))
        }
        if !(1...(365 * 24)).contains(body.respondHours) {
            errors.append(FieldError("respondHours", "must be from 1 hour to a year"))
        }
        return errors
    }
}

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
        try await Audit.update(category, before: before, by: user.actor, on: req.db)
        return FeedbackCategoryBody(category)
    }
}
