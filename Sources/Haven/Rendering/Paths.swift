import Foundation

/// Every page address in one place, so a link cannot point nowhere.
/// The route table: every page's address (and the API downloads pages link to), registered by the router from
/// here and linked from here, so a link cannot point nowhere.
enum Paths {
    static let home = Address("/")
    static let login = Address("/login")
    static let logout = Address("/logout")

    static let account = Address("/account")
    static let accountPassword = Address("/account/password")
    static let accountLanguage = Address("/account/language")
    static let users = Address("/users")
    static let newUser = Address("/users/new")
    static let user = Address("/users/:id")
    static let userReset = Address("/users/:id/reset")
    static let passwordReset = Address("/reset/:token")
    static let organisations = Address("/organisations")
    static let newOrganisation = Address("/organisations/new")
    static let organisation = Address("/organisations/:id")

    static let sites = Address("/sites")
    static let newSite = Address("/sites/new")
    static let site = Address("/sites/:id")
    static let editSite = Address("/sites/:id/edit")
    static let newCount = Address("/sites/:id/counts/new")
    static let newRound = Address("/sites/:id/rounds/new")
    static let services = Address("/sites/:id/services")
    static let archiveService = Address("/sites/:id/services/:service/archive")
    static let poster = Address("/directory/:code")

    static let adminAreas = Address("/areas")
    static let adminArea = Address("/areas/:pcode")
    static let monitoring = Address("/monitoring")
    static let indicators = Address("/monitoring/catalogue")
    static let indicator = Address("/monitoring/catalogue/:id")

    static let importSites = Address("/import/sites")
    static let importAdminAreas = Address("/import/admin-areas")
    static let importBoundaries = Address("/import/boundaries")
    static let importRounds = Address("/import/rounds")
    static let roundTemplate = Address("/import/rounds/template.csv")
    static let importActivities = Address("/import/activities")

    static let activities = Address("/activities")
    static let activityGaps = Address("/activities/gaps")
    static let activityCatalogue = Address("/activities/catalogue")
    static let activityType = Address("/activities/catalogue/:id")
    static let ownReporting = Address("/activities/mine")
    static let reporting = Address("/activities/organisations/:id")
    static let reportingTemplate = Address("/activities/organisations/:id/template.xlsx")
    static let presence = Address("/activities/presence")
    static let progress = Address("/activities/progress")
    static let targets = Address("/activities/progress/targets")
    static let archiveTarget = Address("/activities/progress/targets/:id/archive")

    static let publicFeedback = Address("/feedback")
    static let feedbackStatus = Address("/feedback/status")
    static let complaints = Address("/complaints")
    static let complaintFigures = Address("/complaints/figures")
    static let newComplaint = Address("/complaints/new")
    static let complaint = Address("/complaints/:id")
    static let complaintTransitions = Address("/complaints/:id/transitions")
    static let complaintCategory = Address("/complaints/:id/category")

    static let audit = Address("/audit")
    static let needs = Address("/needs")
    static let reports = Address("/reports")
    static let report = Address("/reports/:month")
    static let publishReport = Address("/reports/:month/publish")
    static let redraftReport = Address("/reports/:month/redraft")
    static let discardReport = Address("/reports/:month/discard")
    static let reportMarkdown = Address("/reports/:month/report.md")
    static let reportHTML = Address("/reports/:month/report.html")
    static let openData = Address("/open-data")
    static let openDataPackage = Address("/open-data/package.zip")
    static let search = Address("/search")

    /// The API, and the downloads pages link to under it.
    static let api = Address("/api/v1")
    static let activitiesDownload = Download("activities")
    static let feedbackDownload = Download("feedback")
    static let sitesDownload = Download("sites")
    static let countsDownload = Download("population-counts")
    static let roundsDownload = Download("monitoring-results")
    static let gapsDownload = Download("gaps")
    static let presenceDownload = Download("presence")
    static let progressDownload = Download("progress")
    static let servicesDownload = Download("services")
    static let needsDownload = Download("needs")
    static let sitesGeoJSON = Address("/api/v1/exports/sites.geojson")

    /// The whole table, which a test holds against the router's routes both ways.
    static let all: [Address] =
        [
            home, login, logout, account, accountPassword, accountLanguage, users, newUser, user, user.archive,
            user.restore, userReset,
            passwordReset, organisations, newOrganisation, organisation, organisation.archive, organisation.restore,
            sites, newSite, site, editSite, site.archive, site.restore,
            newCount, newRound, services,
            archiveService, poster, adminAreas, adminArea, monitoring, indicators, indicator, importSites,
            importAdminAreas,
            importBoundaries, importRounds, roundTemplate, importActivities, activities, activityGaps,
            activityCatalogue,
            activityType, activityType.archive, activityType.restore, ownReporting, reporting, reportingTemplate,
            presence,
            progress, targets, archiveTarget, publicFeedback, feedbackStatus, complaints, complaintFigures,
            newComplaint,
            complaint, complaintTransitions, complaintCategory, audit, needs, reports, report, publishReport,
            redraftReport, discardReport,
            reportMarkdown, reportHTML, openData, openDataPackage, search, sitesGeoJSON,
        ] + downloads.flatMap { [$0.csv, $0.workbook] }

    static let downloads = [
        activitiesDownload, feedbackDownload, sitesDownload, countsDownload, roundsDownload, gapsDownload,
        presenceDownload, progressDownload, servicesDownload, needsDownload,
    ]

    /// A path with its query, parameters in a stable order, values encoded; the bare path when there is none.
    static func with(_ path: String, _ query: [String: String]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?"
            + query.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" }
            .joined(separator: "&")
    }

    /// What a query value keeps as it is (RFC 3986's unreserved characters), so site codes stay readable.
    private static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    static func with(_ address: Address, _ query: [String: String]) -> String { with(address.pattern, query) }

    static func login(next: String? = nil) -> String {
        guard let next, next != "/", !next.hasPrefix(login.pattern) else { return login.pattern }
        return with(login.pattern, ["next": next])
    }

    static func reportingTemplate(_ organisation: UUID, month: ReportingMonth) -> String {
        with(reportingTemplate.link(organisation), ["month": month.description])
    }

    /// Only local paths may follow a login, so a crafted link cannot send people elsewhere. Browsers read
    /// a backslash as a slash and drop tabs and line breaks, so `/\host` and `/<tab>/host` leave the site too:
    /// any of those, or any other control character or space, sends people to the sites instead.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.utf8.count <= 2000, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.unicodeScalars.contains(where: {
                $0 == "\\" || $0.properties.isWhitespace || $0.properties.generalCategory == .control
                    || $0.properties.generalCategory == .format
            })
        else { return home.pattern }
        return next
    }
}
