import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Roles and scopes enforced on the routes themselves: role x route x expected status.
@Suite struct AccessTests {
    struct Case: Sendable, CustomStringConvertible {
        var method: HTTPMethod
        var path: @Sendable (World) -> String
        var body: @Sendable (World) -> [String: Any]?
        var name: String
        /// Expected status per role, in `Role.allCases` order: administrator, coordinator, site manager, partner, viewer.
        var expected: [UInt]
        var description: String { name }
    }

    static func siteBody(_ w: World, _ site: Site) -> [String: Any] {
        [
            "code": site.code, "name": site.name + " edited", "type": site.type.rawValue, "status": "open",
            "adminAreaId": site.$adminArea.id.uuidString, "openedOn": "2024-01-15",
        ]
    }

    static let cases: [Case] = [
        Case(
            method: .GET, path: { _ in "/api/v1/sites" }, body: { _ in nil }, name: "list sites",
            expected: [200, 200, 200, 200, 200]),
        Case(
            method: .GET, path: { "/api/v1/sites/\($0.alpha.id!)" }, body: { _ in nil }, name: "read a site",
            expected: [200, 200, 200, 200, 200]),
        Case(
            method: .POST, path: { _ in "/api/v1/sites" },
            body: { w in
                [
                    "code": "BO0101_0050", "name": "New", "type": "planned_camp", "status": "planned",
                    "adminAreaId": w.northDistrict.id!.uuidString,
                ]
            }, name: "create a site", expected: [201, 201, 403, 403, 403]),
        Case(
            method: .PUT, path: { "/api/v1/sites/\($0.alpha.id!)" }, body: { siteBody($0, $0.alpha) },
            name: "edit the site assigned to the site manager and run by the partner",
            expected: [200, 200, 200, 200, 403]),
        Case(
            method: .PUT, path: { "/api/v1/sites/\($0.beta.id!)" }, body: { siteBody($0, $0.beta) },
            name: "edit another organisation's site", expected: [200, 200, 403, 403, 403]),
        Case(
            method: .POST, path: { "/api/v1/sites/\($0.gamma.id!)/archive" }, body: { _ in nil },
            name: "archive a site", expected: [200, 200, 403, 403, 403]),
        Case(
            method: .POST, path: { "/api/v1/sites/\($0.beta.id!)/population-counts" },
            body: { _ in
                [
                    "countedOn": "2025-02-01", "households": 1, "individuals": 3, "disaggregated": false,
                    "source": "estimate",
                ]
            }, name: "count another organisation's site", expected: [201, 201, 403, 403, 403]),
        Case(
            method: .POST, path: { _ in "/api/v1/admin-areas" },
            body: { w in
                ["pcode": "BO03", "name": "East", "level": 1, "parentId": w.country.id!.uuidString]
            }, name: "add an area", expected: [201, 201, 403, 403, 403]),
        Case(
            method: .PUT, path: { "/api/v1/organisations/\($0.nrc.id!)" },
            body: { _ in
                ["name": "Norwegian Refugee Council", "acronym": "NRC", "type": "ingo"]
            }, name: "edit the partner's own organisation", expected: [200, 200, 403, 200, 403]),
        Case(
            method: .PUT, path: { "/api/v1/organisations/\($0.iom.id!)" },
            body: { _ in
                ["name": "IOM", "acronym": "IOM", "type": "un"]
            }, name: "edit another organisation", expected: [200, 200, 403, 403, 403]),
        Case(
            method: .GET, path: { _ in "/api/v1/users" }, body: { _ in nil }, name: "list users",
            expected: [200, 403, 403, 403, 403]),
        Case(
            method: .POST, path: { _ in "/api/v1/users" },
            body: { _ in
                ["email": "new@test.haven", "role": "viewer", "password": "long enough secret"]
            }, name: "add a user", expected: [201, 403, 403, 403, 403]),
        Case(
            method: .GET, path: { _ in "/api/v1/audit-events" }, body: { _ in nil }, name: "read the audit trail",
            expected: [200, 403, 403, 403, 403]),
        Case(
            method: .GET, path: { "/api/v1/sites/\($0.alpha.id!)/audit-events" }, body: { _ in nil },
            name: "read a site's trail", expected: [200, 200, 200, 200, 200]),
    ]

    @Test(arguments: cases)
    func route(_ c: Case) async throws {
        for (role, expected) in zip(Role.allCases, c.expected) {
            try await withHaven { app in
                let world = try await World.make(on: app)
                let body = try c.body(world).map(jsonBody)
                let response = try await app.testing().sendRequest(
                    c.method, c.path(world), headers: world.headers(role), body: body)
                #expect(
                    response.status.code == expected,
                    "\(role.rawValue): \(c.name) -> \(response.status.code) \(response.text)")
            }
        }
    }

    @Test func refusalsSayWhy() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/sites/\(world.gamma.id!)/archive", headers: world.headers(.viewer))
            #expect(
                try response.json(ProblemBody.self).detail
                    == "Your role (Viewer) does not allow you to archive or restore sites.")
            #expect(try await Site.find(world.gamma.id, on: app.db)?.archivedAt == nil)
        }
    }
}
