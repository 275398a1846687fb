import Fluent
import Foundation

/// The catalogue every operation starts from: Sphere 2018 / UNHCR thresholds (see shared/domain/standards.csv)
/// and the CCCM site monitoring tool's items. Coordinators adapt it per operation; these are defaults, not law.
enum IndicatorSeed {
    struct Entry {
        var code: String, sector: String, label: String, unit: String, type: IndicatorValueType
        var derived: DerivedIndicator? = nil
        var bands: SeverityBands? = nil
        var options: [IndicatorOption] = []
        var source: String

        var body: IndicatorBody {
            IndicatorBody(
                code: code, sector: sector, label: label, unit: unit, valueType: type, derived: derived,
                standard: bands, options: options, source: source)
        }
    }

    static let adequacy = [
        IndicatorOption(value: "adequate", label: "Adequate", severity: .minimal),
        IndicatorOption(value: "inadequate", label: "Inadequate", severity: .severe),
        IndicatorOption(value: "non_existent", label: "Non-existent", severity: .extreme),
    ]
    static let goodIfYes = [
        IndicatorOption(value: "yes", label: "Yes", severity: .minimal),
        IndicatorOption(value: "no", label: "No", severity: .severe),
    ]
    static let badIfYes = [
        IndicatorOption(value: "yes", label: "Yes", severity: .severe),
        IndicatorOption(value: "no", label: "No", severity: .minimal),
    ]
    static let needs = [
        "shelter", "nfi", "food", "water", "sanitation", "health", "education", "livelihoods", "protection", "cash",
        "nutrition",
    ]
    .map { IndicatorOption(value: $0, label: $0 == "nfi" ? "Non-food items" : $0.capitalized, severity: nil) }

    static let smt = "CCCM Site Monitoring Tool"

    static let entries: [Entry] = raw + derived + measured + services + threats + management + priorities

    /// Counts collected so that the ratios can be computed with the population of the round's date.
    static let raw: [Entry] = [
        Entry(
            code: "WASH-TOILETS", sector: "WASH", label: "Functioning toilets", unit: "toilets", type: .count,
            source: smt),
        Entry(code: "WASH-TAPS", sector: "WASH", label: "Functioning taps", unit: "taps", type: .count, source: smt),
        Entry(
            code: "WASH-SHOWERS", sector: "WASH", label: "Functioning bathing facilities", unit: "facilities",
            type: .count, source: smt),
        Entry(
            code: "WASH-WATER-LITRES", sector: "WASH", label: "Water supplied to the site per day", unit: "litres/day",
            type: .number, source: smt),
        Entry(
            code: "SHELTER-COVERED-AREA-TOTAL", sector: "Shelter", label: "Covered living space, all shelters",
            unit: "m²", type: .number, source: smt),
        Entry(
            code: "SITE-AREA-TOTAL", sector: "Site planning", label: "Usable site area", unit: "m²", type: .number,
            source: smt),
        Entry(
            code: "CCCM-COMMITTEE-MEMBERS", sector: "CCCM", label: "Members of the site committee", unit: "people",
            type: .count, source: smt),
        Entry(
            code: "CCCM-COMMITTEE-WOMEN", sector: "CCCM", label: "Women on the site committee", unit: "people",
            type: .count, source: smt),
    ]

    static let derived: [Entry] = [
        Entry(
            code: "WASH-LATRINE-RATIO", sector: "WASH", label: "People per toilet", unit: "people/toilet",
            type: .derived,
            derived: .peoplePerToilet, bands: .standard(.atMost, 20),
            source: "Sphere 2018 Excreta management std 3.2 (first phase: 50)"),
        Entry(
            code: "WASH-TAP-RATIO", sector: "WASH", label: "People per tap", unit: "people/tap", type: .derived,
            derived: .peoplePerTap, bands: .standard(.atMost, 250), source: "Sphere 2018 WASH (7.5 L/min tap)"),
        Entry(
            code: "WASH-BATHING-RATIO", sector: "WASH", label: "People per bathing facility", unit: "people/facility",
            type: .derived,
            derived: .peoplePerShower, bands: .standard(.atMost, 50), source: "Sphere 2018 WASH"),
        Entry(
            code: "WASH-WATER-LPD", sector: "WASH", label: "Water per person per day", unit: "litres/person/day",
            type: .derived,
            derived: .litresPerPersonPerDay, bands: .standard(.atLeast, 15),
            source: "Sphere 2018 Water supply std 2.1 (7.5 briefly in acute drought)"),
        Entry(
            code: "SHELTER-COVERED-AREA", sector: "Shelter", label: "Covered living space per person",
            unit: "m²/person", type: .derived,
            derived: .coveredAreaPerPerson, bands: .standard(.atLeast, 3.5),
            source: "Sphere 2018 Shelter std 3 (cold or urban: 4.5-5.5)"),
        Entry(
            code: "SITE-AREA-NOGARDENS", sector: "Site planning", label: "Site area per person", unit: "m²/person",
            type: .derived,
            derived: .siteAreaPerPerson, bands: .standard(.atLeast, 30), source: "Sphere 2018 (45 with household plots)"
        ),
        Entry(
            code: "CCCM-COMMITTEE-WOMEN-SHARE", sector: "CCCM", label: "Share of women on the site committee",
            unit: "%", type: .derived,
            derived: .womenOnCommittee, bands: SeverityBands(comparison: .atLeast, cuts: [50, 35, 20, 5]),
            source: "Cluster practice (unverified default)"),
    ]

    static let measured: [Entry] = [
        Entry(
            code: "WASH-WATER-DIST", sector: "WASH", label: "Distance from any household to the nearest water point",
            unit: "metres",
            type: .number, bands: .standard(.atMost, 500), source: "Sphere 2018 Water supply std 2.1"),
        Entry(
            code: "WASH-QUEUE", sector: "WASH", label: "Queuing time at water points", unit: "minutes", type: .number,
            bands: .standard(.atMost, 30), source: "Sphere 2018 WASH"),
        Entry(
            code: "WASH-LATRINE-DIST", sector: "WASH", label: "Distance from dwellings to shared toilets",
            unit: "metres", type: .number,
            bands: .standard(.atMost, 50), source: "Sphere 2018 Excreta management std 3.2"),
        Entry(
            code: "WASH-LATRINE-FM", sector: "WASH", label: "Female to male public toilets", unit: "ratio",
            type: .number,
            bands: .standard(.atLeast, 3), source: "Sphere 2018 Excreta management std 3.2"),
        Entry(
            code: "WASH-LATRINE-ACCESSIBLE", sector: "WASH", label: "Public toilets that are accessible", unit: "%",
            type: .percentage,
            bands: .standard(.atLeast, 15), source: "emergency-wash.org access to sanitation"),
        Entry(
            code: "WASH-WASTE-DIST", sector: "WASH", label: "Distance from shelters to a refuse container",
            unit: "metres", type: .number,
            bands: .standard(.atMost, 15), source: "Sphere / UNHCR"),
        Entry(
            code: "EDU-CLASSROOM-RATIO", sector: "Education", label: "Learners per classroom",
            unit: "learners/classroom", type: .number,
            bands: .standard(.atMost, 40), source: "INEE via Rohingya response guidance"),
    ]

    static let services: [Entry] = [
        ("SHELTER", "Shelter", "Shelter maintenance"), ("NFI", "NFI", "Non-food items"),
        ("FOOD", "Food security", "Food"),
        ("CASH", "Cash", "Cash assistance"), ("WATER", "WASH", "Water"), ("HEALTH", "Health", "Health care"),
        ("EDUCATION", "Education", "Education"), ("LIVELIHOODS", "Livelihoods", "Livelihoods"),
        ("PROTECTION", "Protection", "Protection"),
        ("NUTRITION", "Nutrition", "Nutrition"), ("SANITATION", "WASH", "Sanitation"),
        ("WASTE", "WASH", "Waste disposal"),
    ].map {
        Entry(
            code: "SMT-SERVICE-\($0.0)", sector: $0.1, label: "\($0.2) services", unit: "", type: .adequacy,
            options: adequacy, source: smt)
    }

    static let threats: [Entry] = [
        ("FLOODING", "Site planning", "Flooding"), ("EVICTION", "Protection", "Eviction"),
        ("DISEASE", "Health", "Disease outbreak"),
        ("FRICTION", "Protection", "Friction with the host community"),
        ("WATER-CONTAMINATION", "WASH", "Water contamination"),
        ("CONFLICT", "Protection", "Conflict incidents"), ("FIRE", "Site planning", "Fire"),
    ].map {
        Entry(
            code: "SMT-THREAT-\($0.0)", sector: $0.1, label: "Threat: \($0.2)", unit: "", type: .yesNo,
            options: badIfYes, source: smt)
    }

    static let management: [Entry] = [
        Entry(
            code: "SMT-SMA-PRESENT", sector: "CCCM", label: "A site management agency is present", unit: "",
            type: .yesNo, options: goodIfYes, source: smt),
        Entry(
            code: "SMT-COMMITTEE", sector: "CCCM", label: "A site committee is functioning", unit: "", type: .yesNo,
            options: goodIfYes, source: smt),
        Entry(
            code: "SMT-REGISTRATION", sector: "CCCM", label: "Households are registered", unit: "", type: .yesNo,
            options: goodIfYes, source: "HPC CM indicators"),
        Entry(
            code: "SMT-CFM-PSEA", sector: "CCCM", label: "A complaints mechanism including PSEA works", unit: "",
            type: .yesNo, options: goodIfYes,
            source: "HPC CM-10"),
    ]

    static let priorities: [Entry] = (1...3).map {
        Entry(
            code: "SMT-PRIORITY-\($0)", sector: "CCCM", label: "Priority need \($0)", unit: "", type: .choice,
            options: needs, source: smt)
    }

    /// Inserts the catalogue in two statements: the indicators and their creation events.
    static func load(on db: any Database) async throws {
        let actor = Actor(userID: nil, label: "Haven (initial catalogue)")
        let indicators = entries.enumerated().map { position, entry in
            let indicator = Indicator()
            indicator.id = UUID()
            indicator.code = entry.code
            indicator.sector = entry.sector
            indicator.label = entry.label
            indicator.unit = entry.unit
            indicator.valueType = entry.type
            indicator.derived = entry.derived?.rawValue
            indicator.bands = entry.bands
            indicator.options = entry.options
            indicator.source = entry.source
            indicator.position = position + 1
            return indicator
        }
        let events = indicators.map { Audit.creation(of: $0, by: actor) }
        try await db.write { tx in
            try await indicators.create(on: tx)
            try await events.create(on: tx)
        }
    }
}
