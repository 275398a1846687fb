/// The demo's 5W: partners' activities at open sites over the last six months, reported monthly, with the
/// gaps (sites in need that nobody serves) and duplications (two partners, one activity, one site) that a
/// cluster meets in real life.
enum DemoActivities {
    struct Line {
        var site: Int
        var organisation: Int
        var activity: String
        var status: ActivityStatus
        var start: CalendarDay
        var end: CalendarDay?
        var month: ReportingMonth
        var modality: Modality
        var targeted: People
        var reached: People?
    }

    /// What partners do, with how it is delivered and the share of a site's people it aims at.
    static let menu: [(activity: String, modality: Modality, share: Double)] = [
        ("WASH-01", .service, 0.9), ("WASH-03", .inKind, 0.5), ("WASH-05", .service, 0.7), ("SHL-01", .inKind, 0.3),
        ("NFI-01", .inKind, 0.4), ("NFI-02", .cash, 0.3), ("HLT-02", .service, 0.6), ("PRT-01", .service, 0.8),
        ("GBV-02", .service, 0.2), ("CP-01", .service, 0.25), ("EDU-01", .service, 0.2), ("FSL-01", .inKind, 0.9),
        ("NUT-01", .service, 0.15), ("CCCM-01", .service, 1.0),
    ]

    /// Partners that report 5W lines: the UN agencies and NGOs of the demo, not ministries or committees.
    static let partners = Array(0..<7)

    static func plan(_ sites: [DemoOperation.DemoSite], months: Int, seed: UInt64, today: CalendarDay) -> [Line] {
        var random = SeededRandom(seed: seed &+ 5_000)
        let reported = (0..<min(months, 6)).map { ReportingMonth(today.adding(months: -$0)) }.reversed()
        var lines: [Line] = []
        for (index, site) in sites.enumerated() where site.status == .open {
            guard let people = site.counts.last?.individuals, people > 0 else { continue }
            var chosen = Set<String>()
            for _ in 0..<random.int(1...4) {
                let (activity, modality, share) = random.pick(menu)
                guard chosen.insert(activity).inserted else { continue }
                let organisations =
                    random.chance(0.08)
                    ? Array(Set([random.pick(partners), random.pick(partners)])) : [random.pick(partners)]
                for organisation in organisations {
                    let start = today.adding(months: -random.int(1...9)).adding(days: -random.int(0...25))
                    let targeted = max(10, Int(Double(people) * share * random.uniform(0.6...1.0)))
                    for (step, month) in reported.enumerated() where start <= month.lastDay {
                        let progress = min(1.0, Double(step + 1) / Double(reported.count) * random.uniform(0.7...1.2))
                        lines.append(
                            Line(
                                site: index, organisation: organisation, activity: activity, status: .ongoing,
                                start: start, end: nil,
                                month: month, modality: modality, targeted: People(total: targeted),
                                reached: People(total: Int(Double(targeted) * progress))))
                    }
                }
            }
        }
        return lines
    }
}

extension DemoActivities {
    /// The response plan the demo's partners report against, over the months they report: a target per sector
    /// for the whole operation, and per province for water trucking and food distribution. Reach falls short
    /// of most of them and passes a few, as in a real mid-year review.
    static func targets(_ lines: [Line], province: (Int) -> String, seed: UInt64) -> [TargetInput] {
        guard let first = lines.map(\.month).min(), let last = lines.map(\.month).max() else { return [] }
        var random = SeededRandom(seed: seed &+ 6_000)
        let until = last.adding(months: 6)
        func target(_ reached: Int) -> Int {
            max(100, Int((Double(reached) * random.uniform(0.9...2.2) / 100).rounded()) * 100)
        }
        var sectors: [String: Int] = [:]
        for line in lines {
            sectors[ActivitySeed.entries.first { $0.code == line.activity }!.sector, default: 0] +=
                line.reached?.total ?? 0
        }
        var targets = sectors.keys.sorted().map { sector in
            TargetInput(
                sector: sector, activity: nil, adminArea: nil,
                indicator: "People reached by \(ResponseSector.named(sector)?.name ?? sector) activities",
                fromMonth: first, toMonth: until, people: target(sectors[sector]!), comment: nil)
        }
        for (activity, sector, indicator) in [
            ("WASH-01", "WASH", "People receiving trucked water"),
            ("FSL-01", "Food security", "People receiving food rations"),
        ] {
            var provinces: [String: Int] = [:]
            for line in lines where line.activity == activity {
                provinces[province(line.site), default: 0] += line.reached?.total ?? 0
            }
            targets += provinces.keys.sorted().map {
                TargetInput(
                    sector: sector, activity: activity, adminArea: $0, indicator: indicator, fromMonth: first,
                    toMonth: until,
                    people: target(provinces[$0]!), comment: nil)
            }
        }
        return targets
    }
}
