import Foundation
import Vapor

/// The words of the pages residents read (the public feedback form, its receipt and status page, a site's
/// poster) in one of the operation's languages. Staff pages stay in English.
struct Wording: Sendable {
    /// What the pages say; every built-in language has every one (tested).
    enum Key: String, CaseIterable, Sendable {
        case languageName = "language_name"
        case direction
        case formTitle = "form_title"
        case formIntro = "form_intro"
        case checkLink = "check_link"
        case checkFields = "check_fields"
        case siteCodeLabel = "site_code_label"
        case siteLabel = "site_label"
        case chooseSite = "choose_site"
        case aboutLabel = "about_label"
        case choose
        case messageLabel = "message_label"
        case wantsAnswerLabel = "wants_answer_label"
        case yes, no
        case contactLabel = "contact_label"
        case consentLabel = "consent_label"
        case sexLabel = "sex_label"
        case preferNotToSay = "prefer_not_to_say"
        case female, male, other
        case ageLabel = "age_label"
        case ageUnder18 = "age_under_18"
        case age18To59 = "age_18_59"
        case age60Plus = "age_60_plus"
        case send
        case errorSite = "error_site"
        case errorCategory = "error_category"
        case errorDescription = "error_description"
        case errorContact = "error_contact"
        case receiptTitle = "receipt_title"
        case receiptHeading = "receipt_heading"
        case referenceIs = "reference_is"
        case writeItDown = "write_it_down"
        case checkStatus = "check_status"
        case statusTitle = "status_title"
        case statusHeading = "status_heading"
        case yourReference = "your_reference"
        case check
        case receivedOn = "received_on"
        case notFound = "not_found"
        case statusNew = "status_new"
        case statusAcknowledged = "status_acknowledged"
        case statusReferred = "status_referred"
        case statusInProgress = "status_in_progress"
        case statusResponded = "status_responded"
        case statusClosed = "status_closed"
        case waitTitle = "wait_title"
        case waitHeading = "wait_heading"
        case waitText = "wait_text"
        case servicesAt = "services_at"
        case siteUpdated = "site_updated"
        case noServices = "no_services"
        case service, who
        case whereColumn = "where"
        case when
        case howToReach = "how_to_reach"
        case tellUs = "tell_us"
        case online, hotline
        case inPerson = "in_person"
        case confidential
        case sectorCCCM = "sector_cccm"
        case sectorShelter = "sector_shelter"
        case sectorWASH = "sector_wash"
        case sectorHealth = "sector_health"
        case sectorProtection = "sector_protection"
        case sectorEducation = "sector_education"
        case sectorFoodSecurity = "sector_food_security"
        case sectorNutrition = "sector_nutrition"
        case sectorLivelihoods = "sector_livelihoods"
        // The staff pages (StaffWordingCatalogue).
        case navSites = "nav_sites"
        case navAreas = "nav_areas"
        case navMonitoring = "nav_monitoring"
        case nav5W = "nav_5w"
        case navComplaints = "nav_complaints"
        case navReports = "nav_reports"
        case navImport = "nav_import"
        case navAccounts = "nav_accounts"
        case navAudit = "nav_audit"
        case search
        case logOut = "log_out"
        case roleAdministrator = "role_administrator"
        case roleCoordinator = "role_coordinator"
        case roleSiteManager = "role_site_manager"
        case rolePartner = "role_partner"
        case roleViewer = "role_viewer"
        case monthShort1 = "month_short_1"
        case monthShort2 = "month_short_2"
        case monthShort3 = "month_short_3"
        case monthShort4 = "month_short_4"
        case monthShort5 = "month_short_5"
        case monthShort6 = "month_short_6"
        case monthShort7 = "month_short_7"
        case monthShort8 = "month_short_8"
        case monthShort9 = "month_short_9"
        case monthShort10 = "month_short_1_0"
        case monthShort11 = "month_short_1_1"
        case monthShort12 = "month_short_1_2"
        case accountTitle = "account_title"
        case email
        case name
        case role
        case languageLabel = "language_label"
        case languageHint = "language_hint"
        case saveLanguage = "save_language"
        case languageSaved = "language_saved"
        case passwordChanged = "password_changed"
        case changePasswordHeading = "change_password_heading"
        case passwordRules = "password_rules"
        case currentPassword = "current_password"
        case newPassword = "new_password"
        case newPasswordAgain = "new_password_again"
        case changePassword = "change_password"
        case homeTitle = "home_title"
        case hello
        case theOperation = "the_operation"
        case openSites = "open_sites"
        case peopleInThem = "people_in_them"
        case severeSites = "severe_sites"
        case staleSites = "stale_sites"
        case linesIn = "lines_in"
        case yourLinesIn = "your_lines_in"
        case organisationsReporting = "organisations_reporting"
        case latestReport = "latest_report"
        case reportNotDrafted = "report_not_drafted"
        case draftIt = "draft_it"
        case reportIsDraft = "report_is_draft"
        case editAndPublish = "edit_and_publish"
        case lastDays = "last_days"
        case sitesOpened = "sites_opened"
        case sitesClosing = "sites_closing"
        case sitesClosed = "sites_closed"
        case peopleInCounts = "people_in_counts"
        case organisationsWithoutLine = "organisations_without_line"
        case noSeverityRose = "no_severity_rose"
        case severityRose = "severity_rose"
        case severityRoseAndFell = "severity_rose_and_fell"
        case filesWaiting = "files_waiting"
        case filesWaitingText = "files_waiting_text"
        case feedbackYouHandle = "feedback_you_handle"
        case late
        case toAcknowledge = "to_acknowledge"
        case dueWithin48Hours = "due_within_4_8_hours"
        case your5W = "your_5w"
        case everyMonthReported = "every_month_reported"
        case noLineFor = "no_line_for"
        case reportThem = "report_them"
        case yourSites = "your_sites"
        case noSiteAssigned = "no_site_assigned"
        case site
        case people
        case lastCount = "last_count"
        case lastRound = "last_round"
        case severity
        case countDue = "count_due"
        case roundDue = "round_due"
        case worstSites = "worst_sites"
        case worstSitesText = "worst_sites_text"
        case everySiteAt3 = "every_site_at_3"
        case reportsTitle = "reports_title"
        case needsLink = "needs_link"
        case openDataLink = "open_data_link"
        case monthlyReports = "monthly_reports"
        case reportsExplain = "reports_explain"
        case monthToDraft = "month_to_draft"
        case draftTheReport = "draft_the_report"
        case noReportYet = "no_report_yet"
        case noReportPublished = "no_report_published"
        case month = "month"
        case title = "title"
        case status = "status"
        case drafted = "drafted"
        case published = "published"
        case byWhom = "by_whom"
        case statusDraft = "status_draft"
        case statusPublished = "status_published"
        case allReports = "all_reports"
        case publishedNotice = "published_notice"
        case draftNotice = "draft_notice"
        case download = "download"
        case reportMarkdown = "report_markdown"
        case markdownHint = "markdown_hint"
        case saveDraft = "save_draft"
        case publish = "publish"
        case redraft = "redraft"
        case discardDraft = "discard_draft"
        case preview = "preview"
        case draftSaved = "draft_saved"
        case publishedDone = "published_done"
        case redrafted = "redrafted"
        case odkArea = "odk_area"
        case odkSite = "odk_site"
        case odkSiteHint = "odk_site_hint"
        case odkSector = "odk_sector"
        case odkDescription = "odk_description"
        case odkDescriptionHint = "odk_description_hint"
        case odkWantsAnswer = "odk_wants_answer"
        case odkConsent = "odk_consent"
        case odkContact = "odk_contact"
        case odkSex = "odk_sex"
        case odkAge = "odk_age"
        case odkDisability = "odk_disability"
        case odkSensitive = "odk_sensitive"
        case previousPage = "previous_page"
        case nextPage = "next_page"
        case pageOf = "page_of"
        case areaFilter = "area_filter"
        case areaExample = "area_example"
        case severity1 = "severity_1"
        case severity2 = "severity_2"
        case severity3 = "severity_3"
        case severity4 = "severity_4"
        case severity5 = "severity_5"
        case needsTitle = "needs_title"
        case areasOfLevel = "areas_of_level"
        case provincesLevel = "provinces_level"
        case adminLevel = "admin_level"
        case show = "show"
        case peopleInOpenSites = "people_in_open_sites"
        case inSevereSites = "in_severe_sites"
        case areaSeverityRule = "area_severity_rule"
        case sitesAssessed = "sites_assessed"
        case partOf = "part_of"
        case inNeedMap = "in_need_map"
        case inNeedMapHint = "in_need_map_hint"
        case area = "area"
        case inNeed = "in_need"
        case sitesAssessedColumn = "sites_assessed_column"
        case rounds = "rounds"
        case method = "method"
        case needsMethod = "needs_method"
        case openDataTitle = "open_data_title"
        case openDataIntro = "open_data_intro"
        case downloadPackage = "download_package"
        case files = "files"
        case leftOut = "left_out"
        case leftOutText = "left_out_text"
        case metadata = "metadata"
        case operation = "operation"
        case source = "source"
        case licence = "licence"
        case contact = "contact"
        case openDataSettings = "open_data_settings"
    }

    let code: String
    private let words: [Key: String]

    init(code: String, words: [Key: String]) {
        self.code = code
        self.words = words
    }

    /// The text for `key`, with `{name}` placeholders filled in; English where this language lacks it.
    subscript(_ key: Key, _ values: [String: String] = [:]) -> String {
        values.reduce(words[key] ?? WordingCatalogue.english[key] ?? key.rawValue) {
            $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value)
        }
    }

    var isRightToLeft: Bool { self[.direction] == "rtl" }

    func status(_ status: FeedbackStatus) -> String {
        switch status {
        case .new: self[.statusNew]
        case .acknowledged: self[.statusAcknowledged]
        case .referred: self[.statusReferred]
        case .inProgress: self[.statusInProgress]
        case .responded: self[.statusResponded]
        case .closed: self[.statusClosed]
        }
    }

    func sex(_ sex: FeedbackSex) -> String {
        switch sex {
        case .female: self[.female]
        case .male: self[.male]
        case .other: self[.other]
        }
    }

    /// The key of each response sector's name, by the sector's code.
    static let sectorKeys: [String: Key] = [
        "CCCM": .sectorCCCM, "Shelter": .sectorShelter, "WASH": .sectorWASH, "Health": .sectorHealth,
        "Protection": .sectorProtection, "Education": .sectorEducation, "Food security": .sectorFoodSecurity,
        "Nutrition": .sectorNutrition, "Livelihoods": .sectorLivelihoods,
    ]

    /// A response sector's name; a sector this wording does not know keeps the name it has.
    func sector(_ code: String) -> String {
        Self.sectorKeys[code].map { self[$0] } ?? ResponseSector.named(code)?.name ?? code
    }

    func role(_ role: Role) -> String {
        switch role {
        case .administrator: self[.roleAdministrator]
        case .coordinator: self[.roleCoordinator]
        case .siteManager: self[.roleSiteManager]
        case .partner: self[.rolePartner]
        case .viewer: self[.roleViewer]
        }
    }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .minimal: self[.severity1]
        case .stress: self[.severity2]
        case .severe: self[.severity3]
        case .extreme: self[.severity4]
        case .catastrophic: self[.severity5]
        }
    }

    /// A month's short name (1 = January).
    func monthShort(_ month: Int) -> String {
        let keys: [Key] = [
            .monthShort1, .monthShort2, .monthShort3, .monthShort4, .monthShort5, .monthShort6, .monthShort7,
            .monthShort8, .monthShort9, .monthShort10, .monthShort11, .monthShort12,
        ]
        return keys.indices.contains(month - 1) ? self[keys[month - 1]] : String(month)
    }

    func ageGroup(_ group: FeedbackAgeGroup) -> String {
        switch group {
        case .child: self[.ageUnder18]
        case .adult: self[.age18To59]
        case .older: self[.age60Plus]
        }
    }

    /// A day written the way this language writes it.
    func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: code)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateStyle = .long
        return formatter.string(from: date)
    }
}

/// The operation's languages (`HAVEN_LANGUAGES`, the first is the default), built in or from JSON files in
/// `HAVEN_WORDING_DIR` that add a language or reword one; and which one a request gets.
struct Wordings: Sendable {
    let languages: [Wording]

    init(codes: [String], directory: String?) throws {
        var problems: [String] = []
        languages = codes.compactMap { code in
            var words = WordingCatalogue.builtIn[code] ?? [:]
            let file = directory.map { URL(fileURLWithPath: $0).appendingPathComponent("\(code).json") }
            if let file, let data = FileManager.default.contents(atPath: file.path) {
                guard let entries = try? JSONDecoder().decode([String: String].self, from: data) else {
                    problems.append("\(file.path) is not a JSON object of texts")
                    return nil
                }
                for (name, text) in entries {
                    guard let key = Wording.Key(rawValue: name) else {
                        problems.append("\(file.path): '\(name)' is not a wording key")
                        continue
                    }
                    words[key] = text
                }
            }
            guard !words.isEmpty else {
                problems.append(
                    "'\(code)' is not a built-in language (\(WordingCatalogue.builtIn.keys.sorted().joined(separator: ", "))) and has no \(code).json"
                        + (directory.map { " in \($0)" } ?? "; set HAVEN_WORDING_DIR"))
                return nil
            }
            return Wording(code: code, words: words)
        }
        guard problems.isEmpty, !languages.isEmpty else {
            throw HavenError.badRequest(
                "HAVEN_LANGUAGES: "
                    + (problems.isEmpty ? "name at least one language" : problems.joined(separator: "; ")))
        }
    }

    /// A person's language when it is one of these, else the first.
    func staff(_ code: String) -> Wording { languages.first { $0.code == code } ?? languages[0] }

    /// `?lang=` when it is one of the operation's languages, else the browser's first that is, else the default.
    func chosen(for req: Request) -> Wording {
        if let asked = req.query[String.self, at: "lang"], let wording = languages.first(where: { $0.code == asked }) {
            return wording
        }
        let accepted = (req.headers.first(name: .acceptLanguage) ?? "").split(separator: ",").compactMap { part in
            part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        }
        for tag in accepted {
            if let wording = languages.first(where: {
                $0.code == tag || $0.code == tag.split(separator: "-").first.map(String.init)
            }) {
                return wording
            }
        }
        return languages[0]
    }
}

struct WordingsKey: StorageKey {
    typealias Value = Wordings
}

/// The languages staff may read Haven in: the built-in ones and the operation's own.
struct StaffWordingsKey: StorageKey {
    typealias Value = Wordings
}

extension Wording {
    /// The language of the staff page being rendered, set for each request from the person's account
    /// (`StaffLanguage`); English outside a request (the command line, mail, tests of plain functions).
    @TaskLocal static var staff = Wording(code: "en", words: WordingCatalogue.english)
}

/// Renders each signed-in page in its reader's language: the account's, else the operation's first.
struct StaffLanguage: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let wordings = request.application.storage[StaffWordingsKey.self] else {
            return try await next.respond(to: request)
        }
        let wording = wordings.staff(request.currentUser?.language ?? "")
        return try await Wording.$staff.withValue(wording) { try await next.respond(to: request) }
    }
}

extension Request {
    /// The wording of a resident-facing page for this request.
    var wording: Wording { application.storage[WordingsKey.self]!.chosen(for: self) }

    /// The operation's languages, for the links that switch between them.
    var languages: [Wording] { application.storage[WordingsKey.self]!.languages }
}
