import Foundation

/// The kinds of communal setting the CCCM/SLSC cluster tracks.
public enum SiteType: String, Codable, CaseIterable, Sendable {
    case plannedCamp = "planned_camp"
    case selfSettledCamp = "self_settled_camp"
    case collectiveCentre = "collective_centre"
    case receptionTransitCentre = "reception_transit_centre"
    case evacuationCentre = "evacuation_centre"
    case informalSettlement = "informal_settlement"
    case urbanDisplacedLocation = "urban_displaced_location"

    public var label: String {
        switch self {
        case .plannedCamp: "Planned camp"
        case .selfSettledCamp: "Self-settled camp"
        case .collectiveCentre: "Collective centre"
        case .receptionTransitCentre: "Reception / transit centre"
        case .evacuationCentre: "Evacuation centre"
        case .informalSettlement: "Informal settlement"
        case .urbanDisplacedLocation: "Urban displaced location"
        }
    }
}

public enum SiteStatus: String, Codable, CaseIterable, Sendable {
    case planned, open, closing, closed

    public var label: String { rawValue.capitalized }
}

public enum LandOwnership: String, Codable, CaseIterable, Sendable {
    case `public`, `private`, communal, unknown

    public var label: String { rawValue.capitalized }
}

extension SiteType: Vocabulary {}
extension SiteStatus: Vocabulary {}
extension LandOwnership: Vocabulary {}
