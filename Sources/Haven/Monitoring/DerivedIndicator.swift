import Foundation

/// Indicators computed from raw counts and the site population on the round's date.
public enum DerivedIndicator: String, Codable, CaseIterable, Sendable {
    case peoplePerToilet = "people_per_toilet"
    case peoplePerTap = "people_per_tap"
    case peoplePerShower = "people_per_shower"
    case litresPerPersonPerDay = "litres_per_person_per_day"
    case coveredAreaPerPerson = "covered_m2_per_person"
    case siteAreaPerPerson = "site_m2_per_person"
    case womenOnCommittee = "women_on_committee_share"

    /// The codes of the raw indicators a round must answer to compute this one.
    public var inputs: [String] {
        switch self {
        case .peoplePerToilet: ["WASH-TOILETS"]
        case .peoplePerTap: ["WASH-TAPS"]
        case .peoplePerShower: ["WASH-SHOWERS"]
        case .litresPerPersonPerDay: ["WASH-WATER-LITRES"]
        case .coveredAreaPerPerson: ["SHELTER-COVERED-AREA-TOTAL"]
        case .siteAreaPerPerson: ["SITE-AREA-TOTAL"]
        case .womenOnCommittee: ["CCCM-COMMITTEE-MEMBERS", "CCCM-COMMITTEE-WOMEN"]
        }
    }

    /// The value, or nil when an input is missing or the population is unknown. A ratio of people to
    /// zero facilities is infinite: nobody has one, which bands as the worst severity.
    public func value(population: Int?, inputs raw: [String: Double]) -> Double? {
        let values = inputs.map { raw[$0] }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let v = values.map { $0! }
        switch self {
        case .peoplePerToilet, .peoplePerTap, .peoplePerShower:
            guard let population else { return nil }
            return v[0] > 0 ? Double(population) / v[0] : .infinity
        case .litresPerPersonPerDay, .coveredAreaPerPerson, .siteAreaPerPerson:
            guard let population, population > 0 else { return nil }
            return v[0] / Double(population)
        case .womenOnCommittee:
            return v[0] > 0 ? v[1] / v[0] * 100 : 0
        }
    }

    /// What it would take to meet the standard, in people's terms: facilities missing, litres short.
    public func shortfall(population: Int, inputs raw: [String: Double], standard: Double) -> String? {
        switch self {
        case .peoplePerToilet, .peoplePerTap, .peoplePerShower:
            guard let have = raw[inputs[0]], standard > 0 else { return nil }
            let need = Int(saturating: (Double(population) / standard).rounded(.up))
            let missing = need.subtractingReportingOverflow(Int(saturating: have)).partialValue
            return missing > 0 ? "\(Format.number(missing)) \(facility)\(missing == 1 ? "" : "s") missing" : nil
        case .litresPerPersonPerDay:
            guard let have = raw[inputs[0]] else { return nil }
            let short = Double(population) * standard - have
            return short > 0 ? "\(Format.number(Int(saturating: short.rounded(.up)))) litres a day short" : nil
        case .coveredAreaPerPerson, .siteAreaPerPerson:
            guard let have = raw[inputs[0]] else { return nil }
            let short = Double(population) * standard - have
            return short > 0 ? "\(Format.number(Int(saturating: short.rounded(.up)))) m² short" : nil
        case .womenOnCommittee:
            guard let members = raw[inputs[0]], let women = raw[inputs[1]] else { return nil }
            let need = Int(saturating: (members * standard / 100).rounded(.up)).subtractingReportingOverflow(
                Int(saturating: women)
            ).partialValue
            return need > 0 ? "\(need) more wom\(need == 1 ? "a" : "e")n needed on the committee" : nil
        }
    }

    private var facility: String {
        switch self {
        case .peoplePerToilet: "toilet"
        case .peoplePerTap: "tap"
        default: "shower"
        }
    }
}
