/// Plausible monitoring answers for a demo site: facilities roughly in step with its people,
/// better in planned camps than in informal sites, with the odd threat and failing service.
enum DemoRounds {
    static func answers(people: Int, type: SiteType, siteArea: Double, random: inout SeededRandom) -> [String: Answer] {
        let planned = type == .plannedCamp || type == .collectiveCentre
        let strain = planned ? random.uniform(0.5...1.3) : random.uniform(0.9...3.2)
        let n = Double(max(people, 1))
        var values: [String: Answer] = [
            "WASH-TOILETS": .number((n / (20 * strain)).rounded()),
            "WASH-TAPS": .number((n / (250 * strain)).rounded()),
            "WASH-SHOWERS": .number((n / (50 * strain)).rounded()),
            "WASH-WATER-LITRES": .number((n * 15 / strain * random.uniform(0.8...1.3)).rounded()),
            "SHELTER-COVERED-AREA-TOTAL": .number((n * 3.5 / strain * random.uniform(0.8...1.3)).rounded()),
            "SITE-AREA-TOTAL": .number(siteArea.rounded()),
            "WASH-WATER-DIST": .number((random.uniform(100...400) * strain).rounded()),
            "WASH-QUEUE": .number((random.uniform(5...25) * strain).rounded()),
        ]
        let members = random.int(5...12)
        values["CCCM-COMMITTEE-MEMBERS"] = .number(Double(members))
        let womenShare = planned ? random.uniform(0.3...0.6) : random.uniform(0.05...0.55)
        values["CCCM-COMMITTEE-WOMEN"] = .number((Double(members) * womenShare).rounded())
        for service in IndicatorSeed.services {
            let failing = min(0.9, 0.025 * strain * strain)
            values[service.code] = .text(
                random.chance(failing) ? (random.chance(0.3) ? "non_existent" : "inadequate") : "adequate")
        }
        for threat in IndicatorSeed.threats {
            values[threat.code] = .text(random.chance(0.02 * strain) ? "yes" : "no")
        }
        for item in IndicatorSeed.management {
            values[item.code] = .text(random.chance(planned ? 0.97 : 0.8) ? "yes" : "no")
        }
        var needs = IndicatorSeed.needs.map(\.value)
        for priority in IndicatorSeed.priorities {
            let need = random.pick(needs)
            needs.removeAll { $0 == need }
            values[priority.code] = .text(need)
        }
        return values
    }
}
