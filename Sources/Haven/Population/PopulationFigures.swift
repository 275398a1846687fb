/// The figures of one population count as a plain value: what the API reads and writes,
/// what imports produce, and what the validation rules check.
public struct PopulationFigures: Codable, Equatable, Sendable {
    public var countedOn: CalendarDay
    public var households: Int
    public var individuals: Int
    /// False when only totals are known; then the sex-age cells need not add up.
    public var disaggregated: Bool
    /// Indexed like `AgeBracket.allCases`.
    public var female: [Int?]
    public var male: [Int?]
    public var personsWithDisabilities: Int?
    public var unaccompaniedSeparatedChildren: Int?
    public var femaleHeadedHouseholds: Int?
    public var olderPersonsAlone: Int?
    public var arrivals: Int?
    public var departures: Int?
    public var source: PopulationSource

    static let cellColumns = Sex.allCases.flatMap { sex in AgeBracket.allCases.map { "\(sex.rawValue)_\($0.rawValue)" }
    }
    static let specificNeedsColumns = [
        "persons_with_disabilities", "unaccompanied_separated_children", "female_headed_households",
        "older_persons_alone", "arrivals", "departures",
    ]

    public init(
        countedOn: CalendarDay, households: Int, individuals: Int, disaggregated: Bool,
        female: [Int?] = Array(repeating: nil, count: 5), male: [Int?] = Array(repeating: nil, count: 5),
        personsWithDisabilities: Int? = nil, unaccompaniedSeparatedChildren: Int? = nil,
        femaleHeadedHouseholds: Int? = nil, olderPersonsAlone: Int? = nil,
        arrivals: Int? = nil, departures: Int? = nil, source: PopulationSource
    ) {
        self.countedOn = countedOn
        self.households = households
        self.individuals = individuals
        self.disaggregated = disaggregated
        self.female = female
        self.male = male
        self.personsWithDisabilities = personsWithDisabilities
        self.unaccompaniedSeparatedChildren = unaccompaniedSeparatedChildren
        self.femaleHeadedHouseholds = femaleHeadedHouseholds
        self.olderPersonsAlone = olderPersonsAlone
        self.arrivals = arrivals
        self.departures = departures
        self.source = source
    }

    /// The field names people and clients see, in the same order as the stored cells.
    static let cellFields = Sex.allCases.flatMap { sex in AgeBracket.allCases.map { cellField(sex, $0) } }

    static func cellField(_ sex: Sex, _ bracket: AgeBracket) -> String {
        sex.rawValue + bracket.fieldSuffix
    }

    func cell(_ sex: Sex, _ bracket: AgeBracket) -> Int? {
        let index = AgeBracket.allCases.firstIndex(of: bracket)!
        return sex == .female ? female[index] : male[index]
    }

    var cells: [Int?] { female + male }

    var total: (female: Int, male: Int) {
        (female.compactMap { $0 }.reduce(0, +), male.compactMap { $0 }.reduce(0, +))
    }

    var auditFields: [String: String] {
        var fields: [String: String] = [
            "countedOn": countedOn.description, "households": String(households), "individuals": String(individuals),
            "disaggregated": String(disaggregated), "source": source.rawValue,
            "personsWithDisabilities": personsWithDisabilities.auditText,
            "unaccompaniedSeparatedChildren": unaccompaniedSeparatedChildren.auditText,
            "femaleHeadedHouseholds": femaleHeadedHouseholds.auditText,
            "olderPersonsAlone": olderPersonsAlone.auditText,
            "arrivals": arrivals.auditText, "departures": departures.auditText,
        ]
        for (field, value) in zip(Self.cellFields, cells) { fields[field] = value.auditText }
        return fields
    }
}

/// The rules every population count must meet, whichever way it arrives.
enum PopulationRules {
    static func validate(_ f: PopulationFigures, today: CalendarDay) -> [FieldError] {
        var errors: [FieldError] = []
        if f.countedOn > today {
            errors.append(
                FieldError("countedOn", "\(f.countedOn) is in the future; a count can only be of a day that has passed")
            )
        }
        let named: [(String, Int?)] =
            [("households", f.households), ("individuals", f.individuals)]
            + zip(PopulationFigures.cellFields, f.cells).map { ($0, $1) }
            + [
                ("personsWithDisabilities", f.personsWithDisabilities),
                ("unaccompaniedSeparatedChildren", f.unaccompaniedSeparatedChildren),
                ("femaleHeadedHouseholds", f.femaleHeadedHouseholds), ("olderPersonsAlone", f.olderPersonsAlone),
                ("arrivals", f.arrivals), ("departures", f.departures),
            ]
        for (field, value) in named {
            if let problem = value.flatMap(Counts.problem) { errors.append(FieldError(field, problem)) }
        }
        if f.households > f.individuals {
            errors.append(
                FieldError(
                    "households", "\(f.households) households is more than the \(f.individuals) individuals counted"))
        }
        if f.individuals > 0 && f.households == 0 {
            errors.append(FieldError("households", "is 0 while \(f.individuals) individuals were counted"))
        }
        errors += breakdownErrors(f)
        for (field, value, limit, of) in [
            ("personsWithDisabilities", f.personsWithDisabilities, f.individuals, "individuals"),
            ("unaccompaniedSeparatedChildren", f.unaccompaniedSeparatedChildren, f.individuals, "individuals"),
            ("olderPersonsAlone", f.olderPersonsAlone, f.individuals, "individuals"),
            ("femaleHeadedHouseholds", f.femaleHeadedHouseholds, f.households, "households"),
        ] {
            if let value, value > limit { errors.append(FieldError(field, "\(value) is more than the \(limit) \(of)")) }
        }
        return errors
    }

    private static func breakdownErrors(_ f: PopulationFigures) -> [FieldError] {
        if f.disaggregated {
            let missing = zip(PopulationFigures.cellFields, f.cells).filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                return missing.map { FieldError($0, "is required in a disaggregated count (enter 0 for nobody)") }
            }
        }
        return SexAgeBreakdown.errors(
            f.cells, total: f.individuals, totalField: "individuals", noun: "individuals",
            remedy: "correct them or mark the count as not disaggregated")
    }
}
