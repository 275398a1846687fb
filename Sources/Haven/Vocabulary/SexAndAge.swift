import Foundation

/// The UNHCR standard SADD cells: female and male in five age brackets.
public enum AgeBracket: String, CaseIterable, Sendable {
    case age0to4 = "0_4"
    case age5to11 = "5_11"
    case age12to17 = "12_17"
    case age18to59 = "18_59"
    case age60plus = "60_plus"

    public var label: String {
        switch self {
        case .age0to4: "0-4"
        case .age5to11: "5-11"
        case .age12to17: "12-17"
        case .age18to59: "18-59"
        case .age60plus: "60+"
        }
    }

    /// How the bracket appears in field names: `female0To4`, `male60Plus`.
    var fieldSuffix: String {
        switch self {
        case .age0to4: "0To4"
        case .age5to11: "5To11"
        case .age12to17: "12To17"
        case .age18to59: "18To59"
        case .age60plus: "60Plus"
        }
    }
}

public enum Sex: String, CaseIterable, Sendable {
    case female, male
}
