import Foundation

/// A realistic, fictional operation generated from a seed: the same options give the same data.
struct DemoOperation {
    struct DemoOrganisation {
        var name: String, acronym: String, kind: Organisation.Kind
    }

    struct DemoSite {
        var code: String
        var name: String
        var type: SiteType
        var status: SiteStatus
        var areaPcode: String
        var latitude: Double
        var longitude: Double
        var agency: Int?
        var land: LandOwnership
        var tenancy: Bool?
        var areaSquareMetres: Double
        var capacityIndividuals: Int
        var openedOn: CalendarDay?
        var closedOn: CalendarDay?
        var statusHistory: [(SiteStatus, CalendarDay)]
        var counts: [PopulationFigures]
        /// Quarterly monitoring rounds, staggered across the quarter, each ten days after a count.
        var rounds: [(day: CalendarDay, answers: [String: Answer], population: Int)] = []
    }

    static let organisations: [DemoOrganisation] = [
        .init(name: "International Organization for Migration", acronym: "IOM", kind: .un),
        .init(name: "UN Refugee Agency", acronym: "UNHCR", kind: .un),
        .init(name: "Norwegian Refugee Council", acronym: "NRC", kind: .ingo),
        .init(name: "Danish Refugee Council", acronym: "DRC", kind: .ingo),
        .init(name: "ACTED", acronym: "ACTED", kind: .ingo),
        .init(name: "Bora Relief Association", acronym: "BRA", kind: .nngo),
        .init(name: "Hope for Communities", acronym: "HFC", kind: .nngo),
        .init(name: "Ministry of Social Affairs and Displacement", acronym: "MoSAD", kind: .government),
        .init(name: "National Disaster Management Agency", acronym: "NDMA", kind: .government),
        .init(name: "Bora Red Crescent Society", acronym: "BRCS", kind: .redCrossRedCrescent),
        .init(name: "Camp Residents' Union", acronym: "CRU", kind: .other),
    ]

    var areas: [DemoGeography.Area]
    var sites: [DemoSite]
    let months: Int
    let seed: UInt64
    let today: CalendarDay

    init(sites siteCount: Int, months: Int, seed: UInt64, today: CalendarDay = .today()) {
        (self.months, self.seed, self.today) = (months, seed, today)
        var random = SeededRandom(seed: seed)
        areas = DemoGeography.areas(using: &random)
        let lowest = areas.filter { $0.level == 3 }
        var sequence: [String: Int] = [:]
        sites = (0..<siteCount).map { _ in
            let area = random.pick(lowest)
            let district = String(area.pcode.prefix(6))
            sequence[district, default: 0] += 1
            return Self.site(
                in: area, code: "\(district)_\(String(format: "%04d", sequence[district]!))",
                months: months, today: today, random: &random)
        }
    }

    private static func site(
        in area: DemoGeography.Area, code: String, months: Int, today: CalendarDay,
        random: inout SeededRandom
    ) -> DemoSite {
        let type = random.weighted([
            (SiteType.plannedCamp, 2), (.selfSettledCamp, 3), (.collectiveCentre, 3),
            (.receptionTransitCentre, 1), (.evacuationCentre, 1), (.informalSettlement, 3),
            (.urbanDisplacedLocation, 1),
        ])
        var status = random.weighted([(SiteStatus.open, 78), (.closing, 7), (.closed, 10), (.planned, 5)])
        let margin = 0.05
        let lat = random.uniform((area.box.south + margin)...(area.box.north - margin))
        let lon = random.uniform((area.box.west + margin)...(area.box.east - margin))
        let windowStart = CalendarDay(year: today.year, month: today.month, day: 5)!.adding(months: 1 - months)
        let opensDuringWindow = random.chance(0.15) && months > 2
        if opensDuringWindow && status == .closed { status = .open }
        let opened =
            opensDuringWindow
            ? windowStart.adding(months: random.int(1...(months - 1))).adding(days: -random.int(1...20))
            : windowStart.adding(months: -random.int(1...30))
        let scale: Double =
            switch type {
            case .plannedCamp: 9000
            case .selfSettledCamp, .informalSettlement: 2500
            case .collectiveCentre, .evacuationCentre: 400
            case .receptionTransitCentre: 700
            case .urbanDisplacedLocation: 1500
            }
        var people = max(30, Int(scale * exp(random.uniform(-1.0...0.8))))
        let householdSize = random.uniform(4.2...6.5)
        let capacity = Int(Double(people) * random.uniform(0.9...1.6))
        let closureMonth = status == .closed ? random.int((months / 2)...max(months / 2, months - 1)) : nil
        var counts: [PopulationFigures] = []
        var history: [(SiteStatus, CalendarDay)] = []
        var closedOn: CalendarDay?
        if status != .planned {
            history.append((.open, opened))
            for month in 0..<months {
                let day = windowStart.adding(months: month)
                guard day >= opened, day <= today else { continue }
                if let closureMonth, month > closureMonth { break }
                let ending =
                    (closureMonth.map { month > $0 - 3 } ?? false) || (status == .closing && month >= months - 4)
                let arrivals = ending ? 0 : Int(Double(people) * random.uniform(0...0.07))
                let departures = Int(Double(people) * (ending ? random.uniform(0.25...0.5) : random.uniform(0...0.05)))
                if !counts.isEmpty { people = max(0, people + arrivals - departures) }
                if closureMonth == month { people = 0 }
                counts.append(
                    figures(
                        people: people, householdSize: householdSize, day: day,
                        arrivals: counts.isEmpty ? nil : arrivals,
                        departures: counts.isEmpty ? nil : departures, random: &random))
            }
            if status == .closing { history.append((.closing, windowStart.adding(months: max(0, months - 4)))) }
            if let closureMonth {
                let day = min(windowStart.adding(months: closureMonth).adding(days: random.int(1...20)), today)
                closedOn = max(day, opened)
                history.append((.closed, closedOn!))
            }
            if counts.isEmpty && status == .closed {
                status = .open
                closedOn = nil
                history = [(.open, opened)]
            }
        }
        let agencyCount = organisations.count
        let areaSquareMetres = Double(capacity * random.int(15...45))
        var rounds: [(day: CalendarDay, answers: [String: Answer], population: Int)] = []
        // Each site has its own month in the quarter, so every month some sites are assessed.
        let phase = random.int(0...2)
        for (index, count) in counts.enumerated() where (counts.count - 1 - index) % 3 == phase && count.individuals > 0
        {
            let day = min(count.countedOn.adding(days: 10), today)
            rounds.append(
                (
                    day,
                    DemoRounds.answers(
                        people: count.individuals, type: type, siteArea: areaSquareMetres, random: &random),
                    count.individuals
                ))
        }
        return DemoSite(
            code: code, name: siteName(type, random: &random), type: type, status: status, areaPcode: area.pcode,
            latitude: (lat * 1e5).rounded() / 1e5, longitude: (lon * 1e5).rounded() / 1e5,
            agency: random.chance(0.85) ? random.int(0...(agencyCount - 2)) : nil,
            land: random.weighted([(LandOwnership.public, 4), (.private, 3), (.communal, 2), (.unknown, 1)]),
            tenancy: random.chance(0.8) ? random.chance(0.55) : nil,
            areaSquareMetres: areaSquareMetres, capacityIndividuals: capacity,
            openedOn: status == .planned ? nil : opened, closedOn: closedOn, statusHistory: history, counts: counts,
            rounds: rounds)
    }

    /// Figures with plausible sex and age shares whose cells add up exactly to the total.
    private static func figures(
        people: Int, householdSize: Double, day: CalendarDay, arrivals: Int?, departures: Int?,
        random: inout SeededRandom
    ) -> PopulationFigures {
        let households = people == 0 ? 0 : max(1, Int(Double(people) / (householdSize * random.uniform(0.97...1.03))))
        guard people > 0, random.chance(0.9) else {
            return PopulationFigures(
                countedOn: day, households: households, individuals: people, disaggregated: false,
                arrivals: arrivals, departures: departures, source: .estimate)
        }
        let ageShares = [0.15, 0.18, 0.12, 0.48, 0.07].map { $0 * random.uniform(0.85...1.15) }
        let femaleShare = random.uniform(0.49...0.56)
        var weights: [Double] = ageShares.map { $0 * femaleShare } + ageShares.map { $0 * (1 - femaleShare) }
        let sum = weights.reduce(0, +)
        weights = weights.map { $0 / sum }
        var cells = weights.map { Int(Double(people) * $0) }
        cells[3] += people - cells.reduce(0, +)
        return PopulationFigures(
            countedOn: day, households: households, individuals: people, disaggregated: true,
            female: Array(cells[0..<5]).map(Optional.some), male: Array(cells[5..<10]).map(Optional.some),
            personsWithDisabilities: Int(Double(people) * random.uniform(0.03...0.15)),
            unaccompaniedSeparatedChildren: Int(Double(people) * random.uniform(0...0.01)),
            femaleHeadedHouseholds: Int(Double(households) * random.uniform(0.2...0.4)),
            olderPersonsAlone: Int(Double(people) * random.uniform(0...0.015)),
            arrivals: arrivals, departures: departures,
            source: random.chance(0.6) ? .headcount : .registration)
    }

    private static func siteName(_ type: SiteType, random: inout SeededRandom) -> String {
        let place = DemoGeography.placeName(using: &random)
        switch type {
        case .plannedCamp: return "\(place) camp"
        case .selfSettledCamp: return "\(place) settlement"
        case .collectiveCentre:
            return "\(place) \(random.pick(["school", "warehouse", "community hall", "hostel"])) collective centre"
        case .receptionTransitCentre: return "\(place) transit centre"
        case .evacuationCentre: return "\(place) evacuation centre"
        case .informalSettlement: return "\(place) informal site"
        case .urbanDisplacedLocation: return "\(place) urban location"
        }
    }
}
