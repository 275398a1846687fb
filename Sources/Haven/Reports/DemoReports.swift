import Fluent
import Foundation

/// The demo's published situation reports: the two months before last, drafted from the demo's data and published
/// as an IM officer would, so the history has something to show; last month is left for people to draft.
enum DemoReports {
    static func publish(months: Int, today: CalendarDay, now: Date, on db: any Database) async throws {
        let actor = Actor(userID: nil, label: "demo IM officer")
        let current = ReportingMonth(today)
        for back in [3, 2] where back < months {
            let month = current.adding(months: -back)
            let context = ReportContext(db: db, smallCellThreshold: Settings.defaultSmallCellThreshold)
            let report = try await SituationReports.create(month, by: actor, context, now: now)
            try await SituationReports.publish(report, version: report.version, by: actor, on: db, now: now)
        }
    }
}
