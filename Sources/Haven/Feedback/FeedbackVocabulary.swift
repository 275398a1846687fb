import Foundation

/// How feedback reached the operation.
public enum FeedbackChannel: String, Codable, CaseIterable, Sendable, Vocabulary {
    case helpDesk = "help_desk"
    case hotline
    case suggestionBox = "suggestion_box"
    case communityMeeting = "community_meeting"
    case mobileTeam = "mobile_team"
    case webForm = "web_form"
    case odk, api

    var label: String {
        switch self {
        case .helpDesk: "Help desk"
        case .hotline: "Hotline"
        case .suggestionBox: "Suggestion box"
        case .communityMeeting: "Community meeting"
        case .mobileTeam: "Mobile team"
        case .webForm: "Public web form"
        case .odk: "ODK form"
        case .api: "Partner system (API)"
        }
    }
}

/// Where an item stands, from receipt to closure with feedback to the person.
public enum FeedbackStatus: String, Codable, CaseIterable, Sendable, Vocabulary {
    case new, acknowledged, referred
    case inProgress = "in_progress"
    case responded, closed

    var label: String { self == .inProgress ? "In progress" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Still waiting for an answer to the person.
    var isOpen: Bool { self != .responded && self != .closed }
}

/// The age groups people give at a help desk, coarser than a census on purpose.
public enum FeedbackAgeGroup: String, Codable, CaseIterable, Sendable, Vocabulary {
    case child = "0_17"
    case adult = "18_59"
    case older = "60_plus"

    var label: String {
        switch self {
        case .child: "Under 18"
        case .adult: "18-59"
        case .older: "60 and over"
        }
    }
}

public enum FeedbackSex: String, Codable, CaseIterable, Sendable, Vocabulary {
    case female, male, other

    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// How the person felt about the answer, when they said.
public enum FeedbackSatisfaction: String, Codable, CaseIterable, Sendable, Vocabulary {
    case satisfied, neutral, dissatisfied

    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
