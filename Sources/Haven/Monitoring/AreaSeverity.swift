/// Rolling site severities up to an area or the whole operation.
public enum AreaSeverity {
    public struct Site: Sendable, Equatable {
        public var population: Int
        public var severity: Severity

        public init(population: Int, severity: Severity) {
            self.population = population
            self.severity = severity
        }
    }

    /// The highest phase reached by more than `share` (25% by default) of the people living in the sites:
    /// the phase p such that the people at p or worse are more than a quarter of all. Nil without people.
    public static func of(_ sites: [Site], share: Double = 0.25) -> Severity? {
        let total = sites.reduce(0) { $0 + max($1.population, 0) }
        guard total > 0 else { return nil }
        for phase in Severity.allCases.reversed() {
            let atOrWorse = sites.filter { $0.severity >= phase }.reduce(0) { $0 + max($1.population, 0) }
            if Double(atOrWorse) > share * Double(total) { return phase }
        }
        return .minimal
    }

    /// A site's overall severity is its worst sector's.
    public static func overall(_ sectors: [Severity]) -> Severity? {
        sectors.max()
    }
}
