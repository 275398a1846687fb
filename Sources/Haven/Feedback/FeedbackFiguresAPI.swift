import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/feedback`: what people say, as counts safe for anyone who reads operational data.
struct FeedbackFiguresAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("analysis", "feedback", use: figures)
        FeedbackExport.table.register(Paths.feedbackDownload, on: routes) { req in
            let list = try FeedbackFilter(lister: req.authorize(.readOperationalData))
            let window = try FeedbackFiguresQuery(req)
            let db = req.db
            return { body in try await FeedbackExport.eachBatch(list, from: window.from, to: window.to, on: db, body) }
        }
    }

    func figures(req: Request) async throws -> FeedbackFiguresQuery.Figures {
        try req.authorize(.readOperationalData)
        return try await FeedbackFiguresQuery(req).figures(req)
    }
}
