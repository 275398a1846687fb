import Fluent
import Plot
import Vapor

/// A site's public poster, no account needed: the services there and how to give feedback or complain.
/// Printed and pinned on notice boards, so it reads on paper and on a phone.
struct DirectoryPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("directory", ":code", use: poster)
    }

    func poster(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"),
              let site = try await Site.query(on: req.db).filter(\.$code == code.uppercased()).filter(\.$archivedAt == nil).first() else {
            throw HavenError.notFound("Site")
        }
        let services = try await Service.query(on: req.db).filter(\.$site.$id == site.requireID()).filter(\.$archivedAt == nil)
            .sort(\.$sector).sort(\.$name).all()
        let providers = Dictionary(try await Organisation.query(on: req.db).all().map { ($0.id!, $0.shortName) },
                                   uniquingKeysWith: { a, _ in a })
        let hotline = req.application.havenSettings.feedbackHotline
        let html = Layout.page("Services at \(site.name)", user: nil,
            .h1(.text("Services at \(site.name)")),
            .p(.class("hint"), .text("Site \(site.code). Updated \(Format.day(CalendarDay.today())).")),
            services.isEmpty ? .p("No services are listed for this site yet.") : .div(.class("table-wrap"), .table(
                .thead(.tr(.th("Service"), .th("Who"), .th("Where"), .th("When"), .th("How to reach"))),
                .tbody(.forEach(services) { s in
                    .tr(.td(.strong(.text(s.name)), .br(), .small(.text(ResponseSector.named(s.sector)?.name ?? s.sector))),
                        .td(.text(providers[s.$provider.id] ?? "")), .td(.text(s.location)), .td(.text(s.hours)), .td(.text(s.contact)))
                }))),
            .h2("Tell us what you think, or complain"),
            .ul(
                .li(.text("On a phone or computer: "), .a(.href(Paths.publicFeedback + "?site=" + site.code), .text(Paths.publicFeedback + "?site=" + site.code))),
                .unwrap(hotline) { .li(.text("Call the free hotline: "), .strong(.text($0))) },
                .li("At the help desk, to the mobile team, or in the suggestion box."),
                .li("You do not need to give your name. Complaints about abuse or exploitation by aid workers go only to trained staff and stay confidential. Help is free: nobody may ask you for money or favours.")))
        return Layout.response(html)
    }
}
