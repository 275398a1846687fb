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
        let services = try await Service.query(on: req.replica).filter(\.$site.$id == site.requireID()).filter(
            \.$archivedAt == nil
        )
        .sort(\.$sector).sort(\.$name).all()
        let providers = Dictionary(
            try await Organisation.query(on: req.replica).filter(\.$id ~~ Array(Set(services.map { $0.$provider.id })))
                .all()
                .map { ($0.id!, $0.shortName) },
            uniquingKeysWith: { a, _ in a })
        let hotline = req.application.havenSettings.feedbackHotline
        let w = req.wording
        let form = Paths.with(
            Paths.publicFeedback,
            ["site": site.code].merging(w.code == req.languages[0].code ? [:] : ["lang": w.code]) { a, _ in a })
        let html = Layout.page(
            w[.servicesAt, ["site": site.name]], user: nil, wording: w,
            Layout.languages(req.languages, current: w, path: Paths.poster.link(site.code)),
            .h1(.text(w[.servicesAt, ["site": site.name]])),
            .p(.class("hint"), .text(w[.siteUpdated, ["code": site.code, "date": w.day(Date())]])),
            services.isEmpty
                ? .p(.text(w[.noServices]))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(w[.service])), .th(.text(w[.who])), .th(.text(w[.whereColumn])),
                                .th(.text(w[.when])), .th(.text(w[.howToReach])))),
                        .tbody(
                            .forEach(services) { s in
                                .tr(
                                    .td(.strong(.text(s.name)), .br(), .small(.text(w.sector(s.sector)))),
                                    .td(.text(providers[s.$provider.id] ?? "")), .td(.text(s.location)),
                                    .td(.text(s.hours)), .td(.text(s.contact)))
                            }))),
            .h2(.text(w[.tellUs])),
            .ul(
                .li(.text(w[.online] + " "), .a(.href(form), .attribute(named: "dir", value: "ltr"), .text(form))),
                .unwrap(hotline) {
                    .li(.text(w[.hotline] + " "), .strong(.attribute(named: "dir", value: "ltr"), .text($0)))
                },
                .li(.text(w[.inPerson])),
                .li(.text(w[.confidential]))))
        return Layout.response(html)
    }
}
