import Foundation

/// Where people are worst off: sites ranked by severity, and the totals a cluster reports.
public enum GapAnalysis {
    /// A site as gap analysis sees it: its latest round's scores and its people.
    public struct SiteScore: Sendable, Equatable {
        public var siteID: UUID
        public var code: String
        public var name: String
        public var type: SiteType
        public var areaPcode: String
        public var population: Int
        public var conductedOn: String
        public var sectors: [String: Severity]
        public var overall: Severity?
        public var previous: Severity?
        public var unmet: [UnmetStandard]
        public var coordinates: Coordinates?
    }

    public struct Coordinates: Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
    }

    public struct Filter: Sendable, Equatable {
        /// Score sites on this sector alone; sites without a score for it are left out.
        public var sector: String?
        public var minimumSeverity: Severity?

        public init(sector: String? = nil, minimumSeverity: Severity? = nil) {
            self.sector = sector
            self.minimumSeverity = minimumSeverity
        }
    }

    public struct Ranked: Sendable, Equatable {
        public var site: SiteScore
        public var severity: Severity
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var sitesAssessed: Int
        public var peopleAssessed: Int
        /// Index 0 is severity 1.
        public var sitesBySeverity: [Int]
        public var peopleBySeverity: [Int]
        /// People living in sites at severity 3 or worse.
        public var peopleInNeed: Int
        /// The highest phase reached by more than 25% of the people assessed.
        public var areaSeverity: Int?
    }

    /// Sites ranked worst first (then by how many people live there), and the summary of all that matched.
    public static func rank(_ sites: [SiteScore], _ filter: Filter) -> (ranked: [Ranked], summary: Summary) {
        let scored: [Ranked] = sites.compactMap { site in
            let severity = filter.sector.map { site.sectors[$0] } ?? site.overall
            guard let severity, severity >= (filter.minimumSeverity ?? .minimal) else { return nil }
            return Ranked(site: site, severity: severity)
        }
        let ranked = scored.sorted {
            ($0.severity.rawValue, $0.site.population, $1.site.code) > (
                $1.severity.rawValue, $1.site.population, $0.site.code
            )
        }
        var sites = Array(repeating: 0, count: 5)
        var people = Array(repeating: 0, count: 5)
        for r in ranked {
            sites[r.severity.rawValue - 1] += 1
            people[r.severity.rawValue - 1] += r.site.population
        }
        let summary = Summary(
            sitesAssessed: ranked.count, peopleAssessed: people.reduce(0, +), sitesBySeverity: sites,
            peopleBySeverity: people,
            peopleInNeed: people[2...].reduce(0, +),
            areaSeverity: AreaSeverity.of(
                ranked.map { AreaSeverity.Site(population: $0.site.population, severity: $0.severity) })?.rawValue)
        return (ranked, summary)
    }
}
