import Foundation
import Vapor

/// The words of the pages residents read (the public feedback form, its receipt and status page, a site's
/// poster) in one of the operation's languages. Staff pages stay in English.
struct Wording: Sendable {
    /// What the pages say; every built-in language has every one (tested).
    enum Key: String, CaseIterable, Sendable {
        case languageName = "language_name", direction
        case formTitle = "form_title", formIntro = "form_intro", checkLink = "check_link", checkFields = "check_fields"
        case siteCodeLabel = "site_code_label", siteLabel = "site_label", chooseSite = "choose_site", aboutLabel = "about_label", choose
        case messageLabel = "message_label", wantsAnswerLabel = "wants_answer_label", yes, no, contactLabel = "contact_label"
        case consentLabel = "consent_label", sexLabel = "sex_label", preferNotToSay = "prefer_not_to_say", female, male, other
        case ageLabel = "age_label", ageUnder18 = "age_under_18", age18To59 = "age_18_59", age60Plus = "age_60_plus", send
        case errorSite = "error_site", errorCategory = "error_category", errorDescription = "error_description", errorContact = "error_contact"
        case receiptTitle = "receipt_title", receiptHeading = "receipt_heading", referenceIs = "reference_is", writeItDown = "write_it_down"
        case checkStatus = "check_status", statusTitle = "status_title", statusHeading = "status_heading", yourReference = "your_reference"
        case check, receivedOn = "received_on", notFound = "not_found"
        case statusNew = "status_new", statusAcknowledged = "status_acknowledged", statusReferred = "status_referred"
        case statusInProgress = "status_in_progress", statusResponded = "status_responded", statusClosed = "status_closed"
        case waitTitle = "wait_title", waitHeading = "wait_heading", waitText = "wait_text"
        case servicesAt = "services_at", siteUpdated = "site_updated", noServices = "no_services", service, who, whereColumn = "where", when
        case howToReach = "how_to_reach", tellUs = "tell_us", online, hotline, inPerson = "in_person", confidential
        case sectorCCCM = "sector_cccm", sectorShelter = "sector_shelter", sectorWASH = "sector_wash", sectorHealth = "sector_health"
        case sectorProtection = "sector_protection", sectorEducation = "sector_education", sectorFoodSecurity = "sector_food_security"
        case sectorNutrition = "sector_nutrition", sectorLivelihoods = "sector_livelihoods"
    }

    let code: String
    private let words: [Key: String]

    init(code: String, words: [Key: String]) {
        self.code = code
        self.words = words
    }

    /// The text for `key`, with `{name}` placeholders filled in; English where this language lacks it.
    subscript(_ key: Key, _ values: [String: String] = [:]) -> String {
        values.reduce(words[key] ?? WordingCatalogue.english[key] ?? key.rawValue) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
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
    static let sectorKeys: [String: Key] = ["CCCM": .sectorCCCM, "Shelter": .sectorShelter, "WASH": .sectorWASH, "Health": .sectorHealth,
                                            "Protection": .sectorProtection, "Education": .sectorEducation, "Food security": .sectorFoodSecurity,
                                            "Nutrition": .sectorNutrition, "Livelihoods": .sectorLivelihoods]

    /// A response sector's name; a sector this wording does not know keeps the name it has.
    func sector(_ code: String) -> String {
        Self.sectorKeys[code].map { self[$0] } ?? ResponseSector.named(code)?.name ?? code
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
                    problems.append("\(file.path) is not a JSON object of texts"); return nil
                }
                for (name, text) in entries {
                    guard let key = Wording.Key(rawValue: name) else { problems.append("\(file.path): '\(name)' is not a wording key"); continue }
                    words[key] = text
                }
            }
            guard !words.isEmpty else {
                problems.append("'\(code)' is not a built-in language (\(WordingCatalogue.builtIn.keys.sorted().joined(separator: ", "))) and has no \(code).json"
                                + (directory.map { " in \($0)" } ?? "; set HAVEN_WORDING_DIR"))
                return nil
            }
            return Wording(code: code, words: words)
        }
        guard problems.isEmpty, !languages.isEmpty else {
            throw HavenError.badRequest("HAVEN_LANGUAGES: " + (problems.isEmpty ? "name at least one language" : problems.joined(separator: "; ")))
        }
    }

    /// `?lang=` when it is one of the operation's languages, else the browser's first that is, else the default.
    func chosen(for req: Request) -> Wording {
        if let asked = req.query[String.self, at: "lang"], let wording = languages.first(where: { $0.code == asked }) { return wording }
        let accepted = (req.headers.first(name: .acceptLanguage) ?? "").split(separator: ",").compactMap { part in
            part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        }
        for tag in accepted {
            if let wording = languages.first(where: { $0.code == tag || $0.code == tag.split(separator: "-").first.map(String.init) }) { return wording }
        }
        return languages[0]
    }
}

struct WordingsKey: StorageKey {
    typealias Value = Wordings
}

extension Request {
    /// The wording of a resident-facing page for this request.
    var wording: Wording { application.storage[WordingsKey.self]!.chosen(for: self) }

    /// The operation's languages, for the links that switch between them.
    var languages: [Wording] { application.storage[WordingsKey.self]!.languages }
}
