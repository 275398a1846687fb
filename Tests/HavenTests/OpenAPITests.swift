import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Haven

@Suite struct OpenAPITests {
    @Test func theDocumentDescribesExactlyTheRoutesTheServerHas() async throws {
        try await withHaven { app in
            let served = Set(
                app.routes.all.compactMap { route -> String? in
                    let parts = route.path.map(\.description)
                    guard parts.starts(with: ["api", "v1"]) else { return nil }
                    let path = parts.dropFirst(2).map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(
                        separator: "/")
                    return "\(route.method.rawValue) /\(path)"
                })
            let documented = Set(OpenAPIDocument.operations.map { "\($0.method.uppercased()) \($0.path)" })
            #expect(served.subtracting(documented).isEmpty, "served but not documented")
            #expect(documented.subtracting(served).isEmpty, "documented but not served")
        }
    }

    @Test func theDocumentIsServedWithoutLogin() async throws {
        try await withHaven { app in
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let document = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any]
                #expect((document?["openapi"] as? String) == "3.1.0")
            }
        }
    }
}
