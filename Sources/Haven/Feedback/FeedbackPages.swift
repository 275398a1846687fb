import Fluent
import Plot
import Vapor

/// Complaints and feedback for the staff who handle them: the list (what each person may handle, late ones
/// first when asked) and one item with its workflow steps. Opening a sensitive item is audited.
struct FeedbackPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.complaints, use: list)
        routes.get(Paths.complaintFigures, use: figures)
        routes.get(Paths.newComplaint, use: intakeForm)
        routes.post(Paths.newComplaint, use: intake)
        routes.get(Paths.complaint, use: show)
        routes.post(Paths.complaintTransitions, use: step)
        routes.post(Paths.complaintCategory, use: reclassify)
    }

    func list(req: Request) async throws -> Response {
        let filter = try await FeedbackFilter(req)
        let page = try PageRequest(req)
        let view = FeedbackListView(
            filter: filter, page: page, list: try await FeedbackList.load(filter, page, on: req.db),
            categories: try await FeedbackCategory.choices(on: req.db),
            digest: try await FeedbackDigest.make(for: filter.user, on: req.db),
            recorded: (req.query["recorded"] as String?).nonEmpty)
        return Layout.response(view.render())
    }

    /// A help desk, hotline or mobile team records what it received.
    func intakeForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return Layout.response(
            FeedbackIntakeView(
                user: user, categories: try await FeedbackCategory.choices(on: req.db), values: [:], errors: [],
                csrf: req.csrfToken
            ).render())
    }

    func intake(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = try req.content.decode([String: String].self)
        let site = try await values["site"].nonEmpty.asyncMap { try await Site.named($0, on: req.db) } ?? nil
        if let site { try req.authorize(.recordFeedback(site.scope)) }
        let input = FeedbackInput(
            siteId: site?.id ?? UUID(), channel: FeedbackChannel(rawValue: values["channel"] ?? "") ?? .helpDesk,
            category: values["category"] ?? "", sector: values["sector"].nonEmpty,
            description: values["description"] ?? "",
            contact: values["contact"].nonEmpty, consentToContact: values["consent"] == "yes",
            wantsAnswer: values["wantsAnswer"] != "no",
            receivedAt: nil, sex: values["sex"].nonEmpty.flatMap(FeedbackSex.init(rawValue:)),
            ageGroup: values["ageGroup"].nonEmpty.flatMap(FeedbackAgeGroup.init(rawValue:)),
            disability: values["disability"] == "yes" ? true : nil)
        do {
            let item = try await FeedbackRegister.record(
                input, at: site, by: user.actor, cipher: req.feedbackCipher, on: req.db)
            let scope = item.scope(managedBy: site?.$managementAgency.id)
            return req.redirect(
                to: Permission.handleFeedback(scope).isGranted(to: user)
                    ? Paths.complaint.link(item.id!) : Paths.with(Paths.complaints, ["recorded": item.reference]))
        } catch HavenError.invalid(let errors) {
            let named = errors.map {
                $0.field == "siteId" ? FieldError("site", "is not the code of a site in Haven") : $0
            }
            return Layout.response(
                FeedbackIntakeView(
                    user: user, categories: try await FeedbackCategory.choices(on: req.db), values: values,
                    errors: named, csrf: req.csrfToken
                ).render(), status: .unprocessableEntity)
        }
    }

    func figures(req: Request) async throws -> Response {
        let user = try req.authorize(.readOperationalData)
        let analysis = try FeedbackFiguresQuery(req)
        return Layout.response(FeedbackFiguresView(user: user, figures: try await analysis.figures(req)).render())
    }

    func show(req: Request) async throws -> Response {
        try await page(req, errors: [])
    }

    func step(req: Request) async throws -> Response {
        let (user, item) = try await FeedbackAccess.handled(req)
        let form = try req.content.decode([String: String].self)
        guard let to = FeedbackStatus(rawValue: form["to"] ?? "") else {
            return try await page(
                req,
                errors: [
                    FieldError("to", "'\(form["to"] ?? "")' is not a step; use one of \(FeedbackStatus.codeList)")
                ],
                status: .unprocessableEntity)
        }
        let step = FeedbackTransition(
            to: to, organisationId: form["organisationId"].nonEmpty.flatMap { UUID(uuidString: $0) },
            focalPoint: form["focalPoint"].nonEmpty, response: form["response"].nonEmpty,
            closedVia: form["closedVia"].nonEmpty.flatMap(FeedbackChannel.init(rawValue:)),
            satisfaction: form["satisfaction"].nonEmpty.flatMap(FeedbackSatisfaction.init(rawValue:)))
        do {
            try await FeedbackRegister.transition(item, step, by: user, cipher: req.feedbackCipher, on: req.db)
            return req.redirect(to: Paths.complaint.link(item.id!))
        } catch HavenError.invalid(let errors) {
            return try await page(req, errors: errors, status: .unprocessableEntity)
        }
    }

    func reclassify(req: Request) async throws -> Response {
        let (user, item) = try await FeedbackAccess.handled(req)
        let form = try req.content.decode([String: String].self)
        let saved: FeedbackItem
        do {
            saved = try await FeedbackRegister.reclassify(
                item, as: form["category"] ?? "", sector: form["sector"], by: user,
                cipher: req.feedbackCipher, on: req.db)
        } catch HavenError.invalid(let errors) {
            return try await page(req, errors: errors, status: .unprocessableEntity)
        }
        // Once sensitive, the item is no longer this person's unless they are a focal point.
        let scope = saved.scope(managedBy: try await Site.find(saved.$site.id, on: req.db)?.$managementAgency.id)
        return req.redirect(
            to: Permission.handleFeedback(scope).isGranted(to: user)
                ? Paths.complaint.link(item.id!) : Paths.with(Paths.complaints, ["recorded": item.reference]))
    }

    private func page(_ req: Request, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let (user, item) = try await FeedbackAccess.handled(req)
        let opened = try await FeedbackRegister.open(item, by: user, cipher: req.feedbackCipher, on: req.db)
        let site = try await Site.find(item.$site.id, on: req.db)
        let organisations = try await Organisation.choices(on: req.db)
        let view = FeedbackItemView(
            user: user, item: item, opened: opened, site: site,
            categories: try await FeedbackCategory.choices(on: req.db), organisations: organisations, errors: errors,
            csrf: req.csrfToken)
        return Layout.response(view.render(), status: status)
    }
}
