import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Each site's services, kept by those who may change the site, and printed on a public poster.
@Suite struct ServiceDirectoryTests {
    struct ServiceItem: Decodable {
        var id: UUID
        var name: String
        var sector: String
        var archived: Bool?
    }

    static func service(_ world: World, site: Site, name: String = "Women and girls safe space") -> [String: Any] {
        [
            "siteId": site.id!.uuidString, "sector": "Protection", "providerId": world.nrc.id!.uuidString, "name": name,
            "location": "Block C, next to the clinic", "hours": "Mon-Fri 09:00-16:00", "contact": "+211 955 000 111",
            "referralFocalPoint": "Protection officer",
        ]
    }

    @Test func thoseWhoRunASiteKeepItsDirectoryAndResidentsReadItsPoster() async throws {
        try await withHaven(adjust: {
            $0.feedbackHotline = "0800 123 456"
            $0.publicURL = "https://haven.example.org/"
        }) { app in
            let world = try await World.make(on: app)
            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/services", headers: world.headers(.partner),
                body: try jsonBody(Self.service(world, site: world.alpha)))
            #expect(added.status == .created, "NRC manages Alpha")
            let foreign = try await app.testing().sendRequest(
                .POST, "/api/v1/services", headers: world.headers(.partner),
                body: try jsonBody(Self.service(world, site: world.beta)))
            #expect(foreign.status == .forbidden)
            var bad = Self.service(world, site: world.alpha, name: " ")
            bad["sector"] = "Logistics"
            let refused = try await app.testing().sendRequest(
                .POST, "/api/v1/services", headers: world.headers(.coordinator), body: try jsonBody(bad))
            #expect(Set(try refused.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["sector", "name"])

            let poster = try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code.lowercased())")
            #expect(poster.status == .ok, "no account needed")
            #expect(
                poster.text.contains("Women and girls safe space") && poster.text.contains("Mon-Fri 09:00-16:00")
                    && poster.text.contains("NRC"))
            #expect(
                poster.text.contains("0800 123 456")
                    && poster.text.contains(">https://haven.example.org/feedback?site=\(world.alpha.code)<"),
                "the poster prints the form's whole address, as residents must type it")

            let id = try added.json(ServiceItem.self).id
            _ = try await app.testing().sendRequest(
                .POST, "/api/v1/services/\(id)/archive", headers: world.headers(.coordinator))
            let list = try await app.testing().sendRequest(
                .GET, "/api/v1/services?site=\(world.alpha.id!)", headers: world.headers(.viewer)
            ).json(Envelope<ServiceItem>.self)
            #expect(list.total == 0)
            #expect(
                !(try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code)").text.contains(
                    "safe space")))
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == id).all().map(\.action)
            #expect(trail == [.create, .archive])
        }
    }

    @Test func siteManagersKeepTheDirectoryOnItsPageAndOthersReadIt() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "site_manager@test.haven")
            func post(_ path: String, _ fields: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, path, headers: ["cookie": cookie, "content-type": "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "_csrf=\(csrf)&" + fields))
            }
            let page = try await app.testing().sendRequest(
                .GET, Paths.services.link(world.alpha.id!), headers: ["cookie": cookie])
            #expect(
                page.status == .ok && page.text.contains("Add a service")
                    && page.text.contains("/directory/\(world.alpha.code)?lang=en"))
            let bad = try await post(Paths.services.link(world.alpha.id!), "sector=&name=&provider=")
            #expect(
                bad.status == .unprocessableEntity && bad.text.contains("field invalid"),
                "every missing field is marked")
            let added = try await post(
                Paths.services.link(world.alpha.id!),
                "sector=WASH&name=Water+point+committee&provider=\(world.nrc.id!)&hours=Daily+06-18")
            #expect(added.status == .seeOther)
            let service = try #require(try await Service.query(on: app.db).first())
            #expect(service.name == "Water point committee" && service.sector == "WASH")
            #expect(
                try await post(Paths.services.link(world.beta.id!), "sector=WASH&name=Other&provider=\(world.nrc.id!)")
                    .status == .forbidden,
                "not a site this manager runs")
            #expect(
                try await post(Paths.services.link(world.beta.id!) + "/\(service.id!)/archive", "").status == .notFound,
                "a service of another site")
            #expect(
                try await post(Paths.services.link(world.alpha.id!) + "/\(service.id!)/archive", "").status == .seeOther
            )
            #expect(try await Service.find(service.id, on: app.db)?.archivedAt != nil)
            let (viewer, _) = try await WebPageTests().login(app, as: "viewer@test.haven")
            let read = try await app.testing().sendRequest(
                .GET, Paths.services.link(world.alpha.id!), headers: ["cookie": viewer])
            #expect(
                read.status == .ok && !read.text.contains("Add a service"), "viewers read the directory, nothing more")
        }
    }
}
