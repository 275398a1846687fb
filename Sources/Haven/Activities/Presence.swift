import Foundation

/// Operational presence: which organisations work where, as plain functions over the month's 5W work.
/// Cancelled work is no presence.
enum Presence {
    /// One organisation's work of a sector in a place, as presence needs it.
    struct Entry: Equatable, Hashable, Sendable {
        var siteID: UUID?
        var areaID: UUID
        var sector: String
        /// The implementing partner, else the reporting organisation.
        var organisationID: UUID
        var status: ActivityStatus
    }

    /// For each site with work, each sector's organisations.
    static func sites(_ work: [Entry]) -> [UUID: [String: Set<UUID>]] {
        var found: [UUID: [String: Set<UUID>]] = [:]
        for w in work where w.status != .cancelled {
            guard let site = w.siteID else { continue }
            found[site, default: [:]][w.sector, default: []].insert(w.organisationID)
        }
        return found
    }

    struct Area: Equatable, Sendable {
        var pcode: String
        var organisations: Set<UUID>
        var sectors: Set<String>
    }

    /// Organisations and sectors per area, where `area` names the area a piece of work counts in
    /// (at the level shown); work it cannot place is left out. Most organisations first.
    static func areas(_ work: [Entry], area: (Entry) -> String?) -> [Area] {
        var found: [String: Area] = [:]
        for w in work where w.status != .cancelled {
            guard let pcode = area(w) else { continue }
            found[pcode, default: Area(pcode: pcode, organisations: [], sectors: [])].organisations.insert(
                w.organisationID)
            found[pcode]!.sectors.insert(w.sector)
        }
        return found.values.sorted { ($0.organisations.count, $1.pcode) > ($1.organisations.count, $0.pcode) }
    }
}
