import Fluent
import Plot
import Vapor

/// Complaints and feedback for the staff who handle them: the list (what each person may handle, late ones
/// first when asked) and one item with its workflow steps. Opening a sensitive item is audited.
struct ComplaintPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("complaints", use: list)
        routes.get("complaints", "figures", use: figures)
        routes.get("complaints", ":id", use: show)
        routes.post("complaints", ":id", "transitions", use: step)
    }

    func list(req: Request) async throws -> Response {
        let filter = try FeedbackFilter(req)
        let page = try PageRequest(req)
        let (items, total) = try await filter.query(on: req.db).sort(\.$receivedAt, .descending).sort(\.$id).fetchPage(page)
        let sites = Dictionary(try await Site.query(on: req.db).filter(\.$id ~~ Array(Set(items.map { $0.$site.id }))).all().map { ($0.id!, $0.code) },
                               uniquingKeysWith: { a, _ in a })
        return Layout.response(ComplaintViews.list(user: filter.user, filter: filter, page: page, items: items, total: total, sites: sites))
    }

    func figures(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let analysis = try FeedbackAnalysis(req)
        return Layout.response(ComplaintViews.figures(user: user, figures: try await analysis.figures(req)))
    }

    func show(req: Request) async throws -> Response {
        try await page(req, errors: [])
    }

    func step(req: Request) async throws -> Response {
        let (user, item) = try await FeedbackAPI.handled(req)
        let form = try req.content.decode([String: String].self)
        let step = FeedbackTransition(to: FeedbackStatus(rawValue: form["to"] ?? "") ?? .new, organisationId: form["organisationId"].nonEmpty.flatMap { UUID(uuidString: $0) },
                                      focalPoint: form["focalPoint"].nonEmpty, response: form["response"].nonEmpty,
                                      closedVia: form["closedVia"].nonEmpty.flatMap(FeedbackChannel.init(rawValue:)),
                                      satisfaction: form["satisfaction"].nonEmpty.flatMap(FeedbackSatisfaction.init(rawValue:)))
        do {
            try await FeedbackRegister.transition(item, step, by: user, cipher: req.feedbackCipher, on: req.db)
            return req.redirect(to: Paths.complaint(item.id!))
        } catch HavenError.invalid(let errors) {
            return try await page(req, errors: errors, status: .unprocessableEntity)
        }
    }

    private func page(_ req: Request, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let (user, item) = try await FeedbackAPI.handled(req)
        let opened = try await FeedbackRegister.open(item, by: user, cipher: req.feedbackCipher, on: req.db)
        let site = try await Site.find(item.$site.id, on: req.db)
        let organisations = try await Organisation.query(on: req.db).filter(\.$archivedAt == nil).sort(\.$name).all()
        let category = try await FeedbackCategory.find(item.$category.id, on: req.db)
        return Layout.response(ComplaintViews.item(user: user, item: item, opened: opened, site: site, category: category, organisations: organisations,
                                                   errors: errors, csrf: req.csrfToken), status: status)
    }
}
