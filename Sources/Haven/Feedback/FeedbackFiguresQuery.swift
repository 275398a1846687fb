import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/analysis/feedback`: what people say, as counts safe for anyone who reads operational data.
struct FeedbackFiguresAPI: RouteCollection {
    struct Cell: Content {
        var key: String, label: String
        /// Absent when the count is too small to show.
        var count: Int?
    }

    struct SiteFigures: Content {
        var siteId: UUID, code: String
        var received: Int?
        var topSector: String?, topSectorCount: Int?
        /// The site's severity in that sector, and overall, from its latest monitoring round.
        var sectorSeverity: Int?, overallSeverity: Int?
    }

    struct Figures: Content {
        var from: String, to: String, threshold: Int
        var received: Int?, open: Int?, overdue: Int?, answeredInTimePercent: Double?
        var byCategory: [Cell], byChannel: [Cell], bySex: [Cell], byAgeGroup: [Cell], byMonth: [Cell]
        var sites: [SiteFigures]
        var sitesWithFunctioningMechanism: Int, openSites: Int
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("analysis", "feedback", use: figures)
        routes.get("exports", "feedback.csv") { req in
            let list = try FeedbackFilter(lister: req.authorize(.readOperationalData))
            let window = try FeedbackFiguresQuery(req)
            return try await FeedbackExport.csv(list, from: window.from, to: window.to, on: req.db)
        }
        routes.get("exports", "feedback.xlsx") { req in
            let list = try FeedbackFilter(lister: req.authorize(.readOperationalData))
            let window = try FeedbackFiguresQuery(req)
            return try await FeedbackExport.xlsx(list, from: window.from, to: window.to, on: req)
        }
    }

    func figures(req: Request) async throws -> Figures {
        try req.authorize(.readOperationalData)
        return try await FeedbackFiguresQuery(req).figures(req)
    }
}
