import Foundation

/// One answer in a round: a number, or one of the indicator's answer codes.
public enum Answer: Codable, Equatable, Sendable {
    case number(Double)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
            return
        }
        self = .text(try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let n): try container.encode(n)
        case .text(let t): try container.encode(t)
        }
    }

    var number: Double? { if case .number(let n) = self { n } else { nil } }
    var text: String? { if case .text(let t) = self { t } else { nil } }
}

/// A standard a site does not meet, said the way a coordinator would say it.
public struct UnmetStandard: Codable, Equatable, Sendable {
    public var indicator: String
    public var sector: String
    public var label: String
    /// Nil when nothing is available at all (people per toilet with no toilet).
    public var value: Double?
    public var standard: Double
    public var comparison: Comparison
    public var unit: String
    public var severity: Severity
    /// "54 toilets missing", when the gap can be counted.
    public var shortfall: String?
}

/// A round's answers scored against one version of the catalogue.
public struct ScoredRound: Equatable, Sendable {
    public struct Value: Equatable, Sendable {
        public var code: String
        public var number: Double?
        public var text: String?
        public var severity: Severity?
    }

    public var values: [Value]
    public var sectors: [String: Severity]
    public var overall: Severity?
    public var unmet: [UnmetStandard]
}

/// Checking and scoring monitoring rounds: plain functions over the answers, the catalogue and the population.
enum RoundScoring {
    /// Every answer checked against its indicator's type; nothing about the round is accepted if one fails.
    static func validate(_ answers: [String: Answer], catalogue: [IndicatorBody]) -> [FieldError] {
        let byCode = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.code, $0) })
        var errors: [FieldError] = []
        if answers.isEmpty { errors.append(FieldError("values", "a round needs at least one answer")) }
        for (code, answer) in answers.sorted(by: { $0.key < $1.key }) {
            let field = "values.\(code)"
            guard let indicator = byCode[code] else {
                errors.append(FieldError(field, "is not an indicator of the catalogue"))
                continue
            }
            if let problem = problem(answer, for: indicator) { errors.append(FieldError(field, problem)) }
        }
        return errors
    }

    static func problem(_ answer: Answer, for indicator: IndicatorBody) -> String? {
        switch indicator.valueType {
        case .derived:
            return
                "is computed by Haven from \((indicator.derived?.inputs ?? []).joined(separator: " and ")); send those instead"
        case .count, .number, .percentage:
            guard let n = answer.number else { return "must be a number" }
            if let problem = Counts.problem(n) { return problem }
            if indicator.valueType == .count && n != n.rounded() { return "must be a whole number" }
            if indicator.valueType == .percentage && n > 100 { return "is a percentage: 0 to 100" }
            return nil
        case .yesNo, .adequacy, .choice:
            let allowed = (indicator.options ?? []).map(\.value)
            guard let text = answer.text, allowed.contains(text) else {
                return "must be one of \(allowed.joined(separator: ", "))"
            }
            return nil
        }
    }

    /// Scores valid answers: each banded or optioned value gets a severity, derived indicators are computed
    /// with the population, each sector takes its worst value and the site its worst sector.
    static func score(_ answers: [String: Answer], catalogue: [IndicatorBody], population: Int?) -> ScoredRound {
        let raw = answers.compactMapValues(\.number)
        var values: [ScoredRound.Value] = []
        var unmet: [UnmetStandard] = []
        var sectors: [String: Severity] = [:]
        for indicator in catalogue {
            var value = ScoredRound.Value(code: indicator.code)
            if let formula = indicator.derived {
                guard let number = formula.value(population: population, inputs: raw) else { continue }
                value.number = number
            } else if let answer = answers[indicator.code] {
                value.number = answer.number
                value.text = answer.text
            } else {
                continue
            }
            if let number = value.number, let bands = indicator.standard {
                value.severity = bands.severity(of: number)
                if value.severity! > .minimal {
                    unmet.append(
                        UnmetStandard(
                            indicator: indicator.code, sector: indicator.sector, label: indicator.label,
                            value: number.isFinite ? number : nil,
                            standard: bands.threshold, comparison: bands.comparison, unit: indicator.unit,
                            severity: value.severity!,
                            shortfall: population.flatMap {
                                indicator.derived?.shortfall(population: $0, inputs: raw, standard: bands.threshold)
                            }))
                }
            } else if let text = value.text {
                value.severity = indicator.options?.first { $0.value == text }?.severity
            }
            if let severity = value.severity {
                sectors[indicator.sector] = max(sectors[indicator.sector] ?? .minimal, severity)
            }
            values.append(value)
        }
        unmet.sort { ($0.severity, $1.indicator) > ($1.severity, $0.indicator) }
        return ScoredRound(
            values: values, sectors: sectors, overall: AreaSeverity.overall(Array(sectors.values)), unmet: unmet)
    }
}

extension ScoredRound.Value {
    init(code: String) {
        self.init(code: code, number: nil, text: nil, severity: nil)
    }
}

extension UnmetStandard {
    /// "People per toilet: 41 (standard at most 20): 54 toilets missing".
    var sentence: String {
        let shown = value.map { Format.decimal($0, digits: $0 < 10 ? 1 : 0) } ?? "none available"
        let rule = comparison == .atMost ? "at most" : "at least"
        let head =
            "\(label): \(shown) \(unit) (standard \(rule) \(Format.decimal(standard, digits: standard < 10 ? 1 : 0)))"
        return shortfall.map { "\(head): \($0)" } ?? head
    }
}
