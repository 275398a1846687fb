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

extension Request {
    /// The wording of a resident-facing page for this request.
    var wording: Wording { application.storage[WordingsKey.self]!.chosen(for: self) }

    /// The operation's languages, for the links that switch between them.
    var languages: [Wording] { application.storage[WordingsKey.self]!.languages }
}
