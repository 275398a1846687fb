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
                let organisations = random.chance(0.08) ? Array(Set([random.pick(partners), random.pick(partners)])) : [random.pick(partners)]
                for organisation in organisations {
                    let start = today.adding(months: -random.int(1...9)).adding(days: -random.int(0...25))
                    let targeted = max(10, Int(Double(people) * share * random.uniform(0.6...1.0)))
                    for (step, month) in reported.enumerated() where start <= month.lastDay {
                        let progress = min(1.0, Double(step + 1) / Double(reported.count) * random.uniform(0.7...1.2))
                        lines.append(Line(site: index, organisation: organisation, activity: activity, status: .ongoing, start: start, end: nil,
                                          month: month, modality: modality, targeted: People(total: targeted),
                                          reached: People(total: Int(Double(targeted) * progress))))
                    }
                }
            }
        }
        return lines
    }
}
