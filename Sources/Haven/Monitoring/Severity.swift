/// The five-point severity scale of needs analysis: 1 minimal … 5 catastrophic; 3 and above is "in need".
public enum Severity: Int, Codable, CaseIterable, Comparable, Sendable {
    case minimal = 1
    case stress, severe, extreme, catastrophic

    public var label: String {
        switch self {
        case .minimal: "None / minimal"
        case .stress: "Stress"
        case .severe: "Severe"
        case .extreme: "Extreme"
        case .catastrophic: "Catastrophic"
        }
    }

    public var isInNeed: Bool { self >= .severe }

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}

/// How a value is compared with its standard: at least (litres per person) or at most (people per toilet).
public enum Comparison: String, Codable, CaseIterable, Sendable {
    case atLeast = ">="
    case atMost = "<="

    func meets(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .atLeast: value >= threshold
        case .atMost: value <= threshold
        }
    }
}

/// A standard and the cut points that band a value into severity 1-5.
/// `cuts[0]` is the standard itself; each further cut is a worse threshold. A value's severity is
/// one plus the number of cuts it fails, so it can only get worse as the value moves away from the standard.
public struct SeverityBands: Codable, Equatable, Sendable {
    public var comparison: Comparison
    public var cuts: [Double]

    public init(comparison: Comparison, cuts: [Double]) {
        self.comparison = comparison
        self.cuts = cuts
    }

    /// Default bands from a standard alone: at most 1.5x, 2x, 3x the standard (or at least
    /// three quarters, half, a quarter of it) mark the steps to 3, 4 and 5.
    public static func standard(_ comparison: Comparison, _ threshold: Double) -> SeverityBands {
        switch comparison {
        case .atLeast:
            SeverityBands(comparison: .atLeast, cuts: [threshold, threshold * 0.75, threshold * 0.5, threshold * 0.25])
        case .atMost:
            SeverityBands(comparison: .atMost, cuts: [threshold, threshold * 1.5, threshold * 2, threshold * 3])
        }
    }

    public var threshold: Double { cuts[0] }

    /// Why the bands cannot be used, or nil: four cuts, each worse than the one before.
    public var problem: String? {
        guard cuts.count == 4 else {
            return "needs exactly four cut points (the standard, then the steps to severity 3, 4 and 5)"
        }
        guard cuts.allSatisfy(\.isFinite) else { return "cut points must be numbers" }
        let ordered = zip(cuts, cuts.dropFirst()).allSatisfy { comparison == .atLeast ? $0 > $1 : $0 < $1 }
        return ordered
            ? nil
            : (comparison == .atLeast
                ? "cut points must go down from the standard" : "cut points must go up from the standard")
    }

    public func severity(of value: Double) -> Severity {
        // Four cuts give 1-5; bands read back damaged with more still stop at catastrophic.
        Severity(rawValue: min(5, 1 + cuts.filter { !comparison.meets(value, $0) }.count)) ?? .catastrophic
    }
}
