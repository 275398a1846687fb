import Foundation

/// Gaps (need, nobody working) and duplications (several partners, same activity, same site, same
/// time), as plain functions over values.
enum ResponseAnalysis {
    /// A site's needs from its latest monitoring round, by monitoring sector.
    struct SiteNeed: Equatable, Sendable {
        var siteID: UUID
        var code: String
        var population: Int
        var sectors: [String: Severity]
    }

    /// One 5W line as the analysis needs it.
    struct Work: Equatable, Sendable {
        var siteID: UUID?
        var sector: String
        var activity: String
        /// The organisation doing the work: the implementing partner, else the one reporting.
        var organisationID: UUID
        var status: ActivityStatus
        var start: CalendarDay
        var end: CalendarDay?
        var reached: Int?

        func overlaps(_ first: CalendarDay, _ last: CalendarDay) -> Bool {
            start <= last && (end ?? last) >= first
        }

        /// Open-ended work (no end yet) runs on.
        func overlaps(_ other: Work) -> Bool {
            other.end.map { start <= $0 } ?? true && end.map { other.start <= $0 } ?? true
        }
    }

    struct Gap: Equatable, Sendable {
        var siteID: UUID
        var code: String
        var sector: String
        var severity: Severity
        var population: Int
    }

    struct Duplication: Equatable, Sendable {
        var siteID: UUID
        var activity: String
        var organisationIDs: [UUID]
        /// People reached by all of them together (the same people may be counted twice: that is the point).
        var reached: Int
        var population: Int?
    }

    /// Sites at severity 3 or worse in a sector with no planned or ongoing activity of the response sector
    /// that answers for it during the period; worst and most populous first.
    static func gaps(_ needs: [SiteNeed], _ work: [Work], from first: CalendarDay, to last: CalendarDay) -> [Gap] {
        let covered = Set(
            work.filter { $0.status.isUnderway && $0.overlaps(first, last) }.compactMap { w in
                w.siteID.map { "\($0) \(w.sector)" }
            })
        let gaps = needs.flatMap { need -> [Gap] in
            var worst: [String: Severity] = [:]
            for (monitoringSector, severity) in need.sectors {
                guard let sector = ResponseSector.answering(monitoringSector) else { continue }
                worst[sector] = max(worst[sector] ?? .minimal, severity)
            }
            return worst.filter { $0.value >= .severe && !covered.contains("\(need.siteID) \($0.key)") }
                .map {
                    Gap(
                        siteID: need.siteID, code: need.code, sector: $0.key, severity: $0.value,
                        population: need.population)
                }
        }
        return gaps.sorted {
            ($0.severity, $0.population, $1.code, $1.sector) > ($1.severity, $1.population, $0.code, $0.sector)
        }
    }

    /// Activities at the same site by two or more organisations whose periods overlap each other and the period.
    static func duplications(_ work: [Work], population: [UUID: Int], from first: CalendarDay, to last: CalendarDay)
        -> [Duplication]
    {
        let current = work.filter { $0.status != .cancelled && $0.siteID != nil && $0.overlaps(first, last) }
        let groups = Dictionary(grouping: current) { "\($0.siteID?.uuidString ?? "") \($0.activity)" }
        let found = groups.values.compactMap { group -> Duplication? in
            let overlapping = group.filter { a in
                group.contains { b in b.organisationID != a.organisationID && a.overlaps(b) }
            }
            let organisations = Set(overlapping.map(\.organisationID))
            guard organisations.count >= 2, let sample = overlapping.first, let site = sample.siteID else { return nil }
            return Duplication(
                siteID: site, activity: sample.activity,
                organisationIDs: organisations.sorted { $0.uuidString < $1.uuidString },
                reached: overlapping.compactMap(\.reached).reduce(0, +), population: population[site])
        }
        return found.sorted {
            ($0.organisationIDs.count, $0.reached, $1.activity) > ($1.organisationIDs.count, $1.reached, $0.activity)
        }
    }
}
