import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/feedback`: what people say, as counts safe for anyone who reads operational data.
struct FeedbackFiguresAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("analysis", "feedback", use: figures)
        routes.get(Paths.feedbackCSV.below(Paths.api)) { req in
            let list = try FeedbackFilter(lister: req.authorize(.readOperationalData))
            let window = try FeedbackFiguresQuery(req)
            return try await FeedbackExport.csv(list, from: window.from, to: window.to, on: req.db)
        }
        routes.get(Paths.feedbackWorkbook.below(Paths.api)) { req in
            let list = try FeedbackFilter(lister: req.authorize(.readOperationalData))
            let window = try FeedbackFiguresQuery(req)
            return try await FeedbackExport.xlsx(list, from: window.from, to: window.to, on: req)
        }
    }

    func figures(req: Request) async throws -> FeedbackFiguresQuery.Figures {
        try req.authorize(.readOperationalData)
        return try await FeedbackFiguresQuery(req).figures(req)
    }
}
