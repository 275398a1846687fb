import Foundation

/// Every page address in one place, so a link cannot point nowhere.
enum Paths {
    static let sites = "/sites"
    static let newSite = "/sites/new"
    static let importSites = "/import/sites"
    static let importAdminAreas = "/import/admin-areas"
    static let importRounds = "/import/rounds"
    static let importBoundaries = "/import/boundaries"
    static let importActivities = "/import/activities"
    static let activities = "/activities"
    static let activityGaps = "/activities/gaps"
    static let progress = "/activities/progress"
    static let targets = "/activities/progress/targets"
    static let presence = "/activities/presence"
    static let activityCatalogue = "/activities/catalogue"
    static let ownReporting = "/activities/mine"
    static let publicFeedback = "/feedback"
    static let feedbackStatus = "/feedback/status"
    static let complaints = "/complaints"
    static let complaintFigures = "/complaints/figures"
    static let newComplaint = "/complaints/new"
    static let audit = "/audit"
    static let logout = "/logout"

    /// A path with its query, parameters in a stable order, values encoded; the bare path when there is none.
    static func with(_ path: String, _ query: [String: String]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?"
            + query.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
    }

    static func login(next: String? = nil) -> String {
        guard let next, next != "/", !next.hasPrefix("/login") else { return "/login" }
        return "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    static func site(_ id: UUID) -> String { "/sites/\(id.uuidString)" }
    static func editSite(_ id: UUID) -> String { "/sites/\(id.uuidString)/edit" }
    static func services(_ id: UUID) -> String { "/sites/\(id.uuidString)/services" }
    static func poster(_ siteCode: String) -> String { "/directory/\(siteCode)" }
    static func newCount(_ id: UUID) -> String { "/sites/\(id.uuidString)/counts/new" }
    static func newRound(_ id: UUID) -> String { "/sites/\(id.uuidString)/rounds/new" }
    static func archiveTarget(_ id: UUID) -> String { "/activities/progress/targets/\(id.uuidString)/archive" }
    static func reporting(_ organisation: UUID) -> String { "/activities/organisations/\(organisation.uuidString)" }
    static func reportingTemplate(_ organisation: UUID, month: ReportingMonth) -> String {
        "/activities/organisations/\(organisation.uuidString)/template.xlsx?month=\(month)"
    }
    static func complaint(_ id: UUID) -> String { "/complaints/\(id.uuidString)" }
    static func adminArea(_ pcode: String) -> String { "/areas/\(pcode)" }

    /// Only local paths may follow a login, so a crafted link cannot send people elsewhere. Browsers read
    /// a backslash as a slash and drop tabs and line breaks, so `/\host` and `/<tab>/host` leave the site too:
    /// any of those, or any other control character or space, sends people to the sites instead.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.utf8.count <= 2000, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.unicodeScalars.contains(where: {
                $0 == "\\" || $0.properties.isWhitespace || $0.properties.generalCategory == .control
                    || $0.properties.generalCategory == .format
            })
        else { return sites }
        return next
    }
}
