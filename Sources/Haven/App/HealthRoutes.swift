import Fluent
import SQLKit
import Vapor

/// For load balancers and monitors: `/health` says the process answers; `/ready` that it can serve,
/// with its database (and read replica) reachable and every migration this version knows applied. Neither needs an account
/// or says anything about the data.
struct HealthRoutes: RouteCollection {
    struct Status: Content {
        var status: String
        var detail: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health") { _ in Status(status: "ok") }
        routes.get("ready", use: ready)
    }

    func ready(req: Request) async throws -> Response {
        let status: Status
        do {
            let applied =
                try await req.db.sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?.decode(
                    column: "n", as: Int.self) ?? 0
            if applied < Migrations.all.count {
                status = Status(status: "migrating", detail: "\(applied) of \(Migrations.all.count) migrations applied")
            } else if req.application.havenSettings.readReplicaURL != nil,
                (try? await req.replica.sql.raw("SELECT 1 AS n").first()) == nil
            {
                status = Status(status: "unavailable", detail: "the read replica does not answer")
            } else {
                status = Status(status: "ok")
            }
        } catch {
            status = Status(status: "unavailable", detail: "the database does not answer")
        }
        return try await status.encodeResponse(status: status.status == "ok" ? .ok : .serviceUnavailable, for: req)
    }
}
