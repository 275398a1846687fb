import Fluent
import Plot
import Vapor

/// A site's public poster, no account needed: the services there and how to give feedback or complain.
/// Printed and pinned on notice boards, so it reads on paper and on a phone.
struct DirectoryPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.poster, use: poster)
    }

    func poster(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), let site = try await Site.named(code, on: req.replica) else {
            throw HavenError.notFound("Site")
        }
        let view = ServicePosterView(
            listing: try await ServiceListQuery.listing(of: site, on: req.replica), wording: req.wording,
            languages: req.languages, hotline: req.application.havenSettings.feedbackHotline,
            publicURL: req.application.havenSettings.publicURL)
        return Layout.response(view.render())
    }
}
