import Fluent
import Foundation
import SQLKit

/// What a person sees first: the operation's figures, its worst sites and what is late for a coordinator or a
/// viewer; their sites and what is due at each for a site manager; the months its organisation owes and its
/// lines for a partner. Every figure is read in the database and links to the list behind it.
struct Home: Sendable {
    struct Operation: Decodable, Sendable, Equatable {
        /// Sites open or closing (not archived), and the people counted in them.
        var openSites: Int
        var people: Int
        /// Open sites whose latest monitoring round is at 4 or 5 overall.
        var severeSites: Int
        /// Open sites with no monitoring round in the last 90 days.
        var staleSites: Int

        enum CodingKeys: String, CodingKey {
            case openSites = "open_sites"
            case people
            case severeSites = "severe_sites"
            case staleSites = "stale_sites"
        }
    }

    struct SiteLine: Decodable, Sendable {
        var id: UUID
        var code: String
        var name: String
        var people: Int?
        var countedOn: String?
        var roundOn: String?
        var severity: Int?

        enum CodingKeys: String, CodingKey {
            case id, code, name, people, severity
            case countedOn = "counted_on"
            case roundOn = "round_on"
        }
    }

    struct Reporting: Sendable {
        var lines: Int
        var organisations: Int
    }

    var user: UserContext
    var today: CalendarDay
    var operation: Operation
    /// The worst open sites, worst and most populous first (coordinators and viewers).
    var worstSites: [SiteLine]
    /// A site manager's own sites.
    var ownSites: [SiteLine]
    /// This month's 5W: the operation's, or a partner's own.
    var reporting: Reporting
    /// Recent months in which a partner's organisation reported no line.
    var monthsOwed: [ReportingMonth]
    /// Complaints and feedback the person handles; nil for viewers, who handle none.
    var feedback: FeedbackDigest?
    /// The last 30 days, for those who follow the whole operation (coordinators, administrators, viewers).
    var changes: HomeChanges?
    /// Organisations that reported in one of the two months before last but not last month.
    var organisationsBehind: Int
    /// The person's own files checked in the background and waiting for them to confirm the import.
    var waitingImports: [WaitingImport]
    var reports: Reports

    /// Where the monthly situation report stands: last month's (for those who write it) and the latest published.
    struct Reports: Sendable {
        var lastMonth: ReportingMonth
        var lastMonthStatus: SituationReport.Status?
        var latestPublished: ReportingMonth?
    }

    struct WaitingImport: Sendable {
        var fileName: String
        var link: String
    }

    static let changeWindowDays = 30

    static let staleAfterDays = 90
    static let countDueAfterDays = 30
}
