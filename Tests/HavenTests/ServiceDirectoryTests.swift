import Fluent
import Foundation
@testable import Haven
import Testing
import Vapor
import VaporTesting

/// Each site's services, kept by those who may change the site, and printed on a public poster.
@Suite struct ServiceDirectoryTests {
    struct ServiceItem: Decodable { var id: UUID; var name: String; var sector: String; var archived: Bool? }

    static func service(_ world: World, site: Site, name: String = "Women and girls safe space") -> [String: Any] {
        ["siteId": site.id!.uuidString, "sector": "Protection", "providerId": world.nrc.id!.uuidString, "name": name,
         "location": "Block C, next to the clinic", "hours": "Mon-Fri 09:00-16:00", "contact": "+211 955 000 111", "referralFocalPoint": "Protection officer"]
    }

    @Test func thoseWhoRunASiteKeepItsDirectoryAndResidentsReadItsPoster() async throws {
        try await withHaven(adjust: { $0.feedbackHotline = "0800 123 456" }) { app in
            let world = try await World.make(on: app)
            let added = try await app.testing().sendRequest(.POST, "/api/v1/services", headers: world.headers(.partner), body: try jsonBody(Self.service(world, site: world.alpha)))
            #expect(added.status == .created, "NRC manages Alpha")
            let foreign = try await app.testing().sendRequest(.POST, "/api/v1/services", headers: world.headers(.partner), body: try jsonBody(Self.service(world, site: world.beta)))
            #expect(foreign.status == .forbidden)
            var bad = Self.service(world, site: world.alpha, name: " ")
            bad["sector"] = "Logistics"
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/services", headers: world.headers(.coordinator), body: try jsonBody(bad))
            #expect(Set(try refused.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["sector", "name"])

            let poster = try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code.lowercased())")
            #expect(poster.status == .ok, "no account needed")
            #expect(poster.text.contains("Women and girls safe space") && poster.text.contains("Mon-Fri 09:00-16:00") && poster.text.contains("NRC"))
            #expect(poster.text.contains("0800 123 456") && poster.text.contains("/feedback?site=\(world.alpha.code)"))

            let id = try added.json(ServiceItem.self).id
            _ = try await app.testing().sendRequest(.POST, "/api/v1/services/\(id)/archive", headers: world.headers(.coordinator))
            let list = try await app.testing().sendRequest(.GET, "/api/v1/services?site=\(world.alpha.id!)", headers: world.headers(.viewer)).json(Envelope<ServiceItem>.self)
            #expect(list.total == 0)
            #expect(!(try await app.testing().sendRequest(.GET, "/directory/\(world.alpha.code)").text.contains("safe space")))
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entityID == id).all().map(\.action)
            #expect(trail == [.create, .archive])
        }
    }
}
