import Fluent
import Foundation
import Vapor

extension Request {
    /// The record named by a path parameter; a malformed or unknown id is a 404, never a 500.
    func find<M: Model>(_ type: M.Type, _ parameter: String = "id", named what: String) async throws -> M
    where M.IDValue == UUID {
        guard let raw = parameters.get(parameter), let id = UUID(uuidString: raw),
            let model = try await M.find(id, on: db)
        else {
            throw HavenError.notFound(what)
        }
        return model
    }
}
