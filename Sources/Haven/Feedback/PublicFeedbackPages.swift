import Fluent
import Plot
import Vapor

/// The public side of the complaints and feedback mechanism: anyone, without an account, can send feedback
/// about a site and later ask where it stands with the reference they were given. Nothing said is ever shown back.
struct PublicFeedbackPages: RouteCollection {
    /// Sites are offered in a list up to this many; beyond it people type their site's code.
    static let listedSites = 400

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.publicFeedback, use: form)
        routes.post(Paths.publicFeedback, use: send)
        routes.get(Paths.feedbackStatus, use: status)
    }

    func form(req: Request) async throws -> Response {
        let sites = try await Self.openSites(on: req.db)
        let chosen =
            try await (req.query["site"] as String?).nonEmpty.asyncMap { try await Site.named($0, on: req.db) } ?? nil
        let categories = try await FeedbackCategory.choices(on: req.db)
        return Layout.response(
            PublicFeedbackView.form(
                req.wording, languages: req.languages, sites: sites, chosen: chosen ?? nil,
                categories: categories, values: [:], errors: [], csrf: req.csrfToken))
    }

    func send(req: Request) async throws -> Response {
        let address = "ip:\(ClientAddress.of(req))"
        let throttle = req.application.feedbackThrottle
        do {
            try await throttle.check([address], on: req.db)
        } catch HavenError.tooManyRequests {
            return Layout.response(PublicFeedbackView.tooMany(req.wording), status: .tooManyRequests)
        }
        let values = try req.content.decode([String: String].self)
        let site = try await values["site"].nonEmpty.asyncMap { try await Site.named($0, on: req.db) } ?? nil
        let input = FeedbackInput(
            siteId: site?.id ?? UUID(), channel: .webForm, category: values["category"] ?? "", sector: nil,
            description: values["description"] ?? "", contact: values["contact"].nonEmpty,
            consentToContact: values["consent"] == "yes", wantsAnswer: values["wantsAnswer"] == "yes", receivedAt: nil,
            sex: values["sex"].nonEmpty.flatMap(FeedbackSex.init(rawValue:)),
            ageGroup: values["ageGroup"].nonEmpty.flatMap(FeedbackAgeGroup.init(rawValue:)), disability: nil)
        do {
            let item = try await FeedbackRegister.record(
                input, at: site, by: Actor(userID: nil, label: "public web form"), cipher: req.feedbackCipher,
                on: req.db)
            try await throttle.record([address], on: req.db)
            return Layout.response(PublicFeedbackView.receipt(req.wording, reference: item.reference))
        } catch HavenError.invalid(let errors) {
            let sites = try await Self.openSites(on: req.db)
            let categories = try await FeedbackCategory.choices(on: req.db)
            let named = errors.map { $0.field == "siteId" ? FieldError("site", $0.message) : $0 }
            return Layout.response(
                PublicFeedbackView.form(
                    req.wording, languages: req.languages, sites: sites, chosen: site, categories: categories,
                    values: values, errors: named, csrf: req.csrfToken), status: .unprocessableEntity)
        }
    }

    /// Where an item stands, for whoever holds its reference: the status and the dates, nothing else.
    func status(req: Request) async throws -> Response {
        let reference = (req.query["reference"] as String?).nonEmpty.map(FeedbackReference.normalise)
        let item =
            try await reference.asyncMap {
                try await FeedbackItem.query(on: req.db).filter(\.$reference == $0).live().first()
            } ?? nil
        return Layout.response(
            PublicFeedbackView.status(req.wording, languages: req.languages, reference: reference, item: item),
            status: reference != nil && item == nil ? .notFound : .ok)
    }

    /// The sites to offer in a list, or none when there are too many for one (people then type their site's code):
    /// the public page travels over slow links, so thousands of sites are never read, let alone sent.
    static func openSites(on db: any Database) async throws -> [Site] {
        let sites = try await Site.query(on: db).live().filter(\.$status ~~ [.open, .closing])
            .sort(\.$name)
            .field(\.$id).field(\.$code).field(\.$name).field(\.$status).limit(listedSites + 1).all()
        return sites.count > listedSites ? [] : sites
    }
}
