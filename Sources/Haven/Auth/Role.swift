/// What a person may do in Haven; scopes (sites, organisation) narrow the writing roles.
public enum Role: String, Codable, CaseIterable, Sendable, Vocabulary {
    case administrator
    case coordinator
    case siteManager = "site_manager"
    case partner
    case viewer

    public var label: String {
        switch self {
        case .administrator: "Administrator"
        case .coordinator: "Coordinator"
        case .siteManager: "Site manager"
        case .partner: "Partner"
        case .viewer: "Viewer"
        }
    }
}
