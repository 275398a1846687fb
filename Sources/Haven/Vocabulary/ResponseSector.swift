import Foundation

/// The sectors (clusters) of the response, with the monitoring sectors each answers for, so that a
/// site's severity in a monitoring sector can be set against the activities of the right cluster.
enum ResponseSector {
    struct Entry: Sendable {
        var code: String
        var name: String
        var monitoringSectors: Set<String>
    }

    static let all: [Entry] = [
        Entry(
            code: "CCCM", name: "Camp coordination and camp management", monitoringSectors: ["CCCM", "Site planning"]),
        Entry(code: "Shelter", name: "Shelter and non-food items", monitoringSectors: ["Shelter"]),
        Entry(code: "WASH", name: "Water, sanitation and hygiene", monitoringSectors: ["WASH"]),
        Entry(code: "Health", name: "Health", monitoringSectors: ["Health"]),
        Entry(
            code: "Protection", name: "Protection (incl. GBV and child protection)", monitoringSectors: ["Protection"]),
        Entry(code: "Education", name: "Education", monitoringSectors: ["Education"]),
        Entry(code: "Food security", name: "Food security", monitoringSectors: ["Food security"]),
        Entry(code: "Nutrition", name: "Nutrition", monitoringSectors: ["Nutrition"]),
        Entry(code: "Livelihoods", name: "Livelihoods and early recovery", monitoringSectors: ["Livelihoods"]),
    ]

    static func named(_ code: String) -> Entry? { all.first { $0.code.lowercased() == code.lowercased() } }

    /// The response sector that answers for a monitoring sector.
    static func answering(_ monitoringSector: String) -> String? {
        all.first { $0.monitoringSectors.contains(monitoringSector) }?.code
    }
}
