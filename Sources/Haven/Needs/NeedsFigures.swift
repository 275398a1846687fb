import Foundation

/// The cluster's needs figures for the Humanitarian Needs Overview, by administrative area: people living in
/// sites, people in need (living in sites at severity 3 or worse) per sector and overall, the area's severity by
/// the 25% rule, how many sites were assessed and when. Plain functions over values.
enum NeedsFigures {
    /// A live site as the figures read it: where it is, its people, and its latest round if it has one.
    struct Site: Sendable, Equatable {
        var area: UUID
        var people: Int
        var overall: Severity?
        var sectors: [String: Severity]
        var assessedOn: CalendarDay?
    }

    struct Area: Sendable, Equatable {
        var id: UUID
        var sites: Int
        var assessedSites: Int
        var people: Int
        /// People in sites whose overall severity (their worst sector) is 3 or worse.
        var inNeed: Int
        var inNeedBySector: [String: Int]
        /// The highest phase reached by more than a quarter of the people in the assessed sites.
        var severity: Severity?
        var severityBySector: [String: Severity]
        var firstAssessed: CalendarDay?
        var lastAssessed: CalendarDay?
    }

    static let inNeedFrom = Severity.severe

    /// The figures of each area at `level` that holds a site, sites counted in the area above them at that level
    /// (`areaAt` finds it; sites in no area at that level are left out).
    static func byArea(_ sites: [Site], areaAt: (UUID) -> UUID?) -> [UUID: Area] {
        var grouped: [UUID: [Site]] = [:]
        for site in sites {
            guard let area = areaAt(site.area) else { continue }
            grouped[area, default: []].append(site)
        }
        return grouped.reduce(into: [:]) { found, entry in found[entry.key] = figures(entry.key, entry.value) }
    }

    static func figures(_ id: UUID, _ sites: [Site]) -> Area {
        let assessed = sites.filter { $0.overall != nil }
        let sectors = Set(assessed.flatMap(\.sectors.keys))
        var inNeedBySector: [String: Int] = [:]
        var severityBySector: [String: Severity] = [:]
        for sector in sectors {
            let rated = assessed.compactMap { site in site.sectors[sector].map { (site.people, $0) } }
            inNeedBySector[sector] = people(rated.filter { $0.1 >= inNeedFrom }.map(\.0))
            severityBySector[sector] = AreaSeverity.of(
                rated.map { AreaSeverity.Site(population: $0.0, severity: $0.1) })
        }
        let days = assessed.compactMap(\.assessedOn)
        return Area(
            id: id, sites: sites.count, assessedSites: assessed.count, people: people(sites.map(\.people)),
            inNeed: people(assessed.filter { ($0.overall ?? .minimal) >= inNeedFrom }.map(\.people)),
            inNeedBySector: inNeedBySector,
            severity: AreaSeverity.of(
                assessed.compactMap { site in
                    site.overall.map { AreaSeverity.Site(population: site.people, severity: $0) }
                }),
            severityBySector: severityBySector, firstAssessed: days.min(), lastAssessed: days.max())
    }

    /// People added up without trapping, whatever is stored; a negative count adds nothing.
    static func people(_ counts: [Int]) -> Int {
        counts.reduce(0) { $0 &+ max($1, 0) }
    }
}
