import Foundation

/// Progress against the response plan, as plain functions over values: the people partners reached
/// in the scope and months of each target, and how that reach divides by area, site, organisation or month.
///
/// A 5W line reports the people reached during its month, so progress adds the months up, as the
/// cluster's own 5W sums do; someone reached in two months is counted twice.
enum ResponseProgress {
    struct Target: Equatable, Sendable {
        var id: UUID
        var sector: String
        var activity: String?
        var areaPcode: String?
        var from: ReportingMonth
        var to: ReportingMonth
        var people: Int
    }

    /// People reached (and targeted by partners) by lines sharing a sector, activity, area and, when known,
    /// a site, an organisation and a month.
    struct Reach: Equatable, Sendable {
        var sector: String
        var activity: String
        /// The P-codes from the country down to the line's area.
        var areaPath: [String]
        var siteID: UUID?
        var organisationID: UUID?
        var month: ReportingMonth
        var reached: Int
        var targeted: Int
    }

    enum Dimension: String, CaseIterable, Sendable, Vocabulary {
        case area, site, organisation, month

        var label: String {
            switch self {
            case .area: "area one level down"
            case .site: "site"
            case .organisation: "organisation"
            case .month: "month"
            }
        }
    }

    struct Part: Equatable, Sendable {
        /// A P-code, a site or organisation id, or a month; `outside sites` for work in an area.
        var key: String
        var reached: Int
    }

    struct Progress: Equatable, Sendable {
        var target: Target
        var reached: Int
        var targetedByPartners: Int
        /// Largest first, then by key.
        var parts: [Part]

        /// Reached as a percentage of the target, one decimal.
        var percent: Double { (Double(reached) / Double(target.people) * 1000).rounded() / 10 }
    }

    static let outsideSites = "outside sites"

    /// Whether a line's reach counts toward a target: same sector (and activity when the target names one),
    /// inside the target's area, in one of its months.
    static func counts(_ reach: Reach, toward target: Target) -> Bool {
        reach.sector == target.sector
            && (target.activity.map { $0.uppercased() == reach.activity.uppercased() } ?? true)
            && (target.areaPcode.map { reach.areaPath.contains($0) } ?? true) && target.from <= reach.month
            && reach.month <= target.to
    }

    static func progress(_ targets: [Target], _ reach: [Reach], by dimension: Dimension? = nil) -> [Progress] {
        targets.map { target in
            let counted = reach.filter { counts($0, toward: target) }
            var parts: [String: Int] = [:]
            if let dimension {
                for r in counted { parts[key(r, dimension, below: target.areaPcode), default: 0] += r.reached }
            }
            return Progress(
                target: target, reached: counted.map(\.reached).reduce(0, +),
                targetedByPartners: counted.map(\.targeted).reduce(0, +),
                parts: parts.map { Part(key: $0.key, reached: $0.value) }.sorted {
                    ($0.reached, $1.key) > ($1.reached, $0.key)
                })
        }
    }

    /// The part a line's reach belongs to; for areas, the area one level below the target's (the line's own area when it is that deep).
    static func key(_ reach: Reach, _ dimension: Dimension, below pcode: String?) -> String {
        switch dimension {
        case .site: reach.siteID?.uuidString ?? outsideSites
        case .organisation: reach.organisationID?.uuidString ?? "unknown"
        case .month: reach.month.description
        case .area:
            if let pcode, let index = reach.areaPath.firstIndex(of: pcode) {
                reach.areaPath[min(index + 1, reach.areaPath.count - 1)]
            } else {
                reach.areaPath.count > 1 ? reach.areaPath[1] : reach.areaPath.first ?? ""
            }
        }
    }
}
