/// People targeted or reached: a total and, when known, the UNHCR sex and age brackets, which roll
/// up to the children / adults / elderly of most 5W templates.
public struct People: Codable, Equatable, Sendable {
    public var total: Int
    /// Indexed like `AgeBracket.allCases`.
    public var female: [Int?]
    public var male: [Int?]

    public init(
        total: Int, female: [Int?] = Array(repeating: nil, count: 5), male: [Int?] = Array(repeating: nil, count: 5)
    ) {
        self.total = total
        self.female = female
        self.male = male
    }

    var cells: [Int?] { female + male }

    private enum Keys: String, CodingKey { case total, female, male }

    /// The brackets may be left out when only the total is known.
    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: Keys.self)
        total = try object.decode(Int.self, forKey: .total)
        female = try object.decodeIfPresent([Int?].self, forKey: .female) ?? Array(repeating: nil, count: 5)
        male = try object.decodeIfPresent([Int?].self, forKey: .male) ?? Array(repeating: nil, count: 5)
    }

    /// Children (0-17), adults (18-59) and elderly (60+) of one sex, when all their brackets are known.
    func rolledUp(_ sex: Sex) -> (children: Int?, adults: Int?, elderly: Int?) {
        let cells = sex == .female ? female : male
        func sum(_ range: Range<Int>) -> Int? {
            let values = cells[range]
            return values.contains(nil) ? nil : values.compactMap { $0 }.reduce(0, +)
        }
        return (sum(0..<3), sum(3..<4), sum(4..<5))
    }
}

/// The sex and age cells of a breakdown checked against its total: all cells given must add up to it
/// exactly, some cells may not exceed it. Shared by population counts and 5W figures.
enum SexAgeBreakdown {
    static func errors(_ cells: [Int?], total: Int, totalField: String, noun: String, remedy: String) -> [FieldError] {
        // Cells beyond the bounds are refused on their own; clamped here so that adding them cannot overflow.
        let sum = cells.compactMap { $0 }.reduce(0) { $0 + max(0, min($1, Counts.largest)) }
        if !cells.contains(nil), sum != total {
            return [FieldError(totalField, "the sex and age cells add up to \(sum), not \(total); \(remedy)")]
        }
        if sum > total {
            return [FieldError(totalField, "the sex and age cells add up to \(sum), more than the \(total) \(noun)")]
        }
        return []
    }
}
