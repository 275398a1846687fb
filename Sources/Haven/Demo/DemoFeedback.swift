import Foundation

/// The demo's complaints and feedback over the last three months, and each open site's service directory:
/// mostly questions and requests, some complaints about water and shelter, a few sensitive cases, older
/// items mostly closed and a share of recent ones late, as a help desk meets them.
enum DemoFeedback {
    /// Category, weight, the sectors it may be about, and what people say.
    static let menu: [(category: String, weight: Int, sectors: [String], texts: [String])] = [
        (
            "INFO", 30, [],
            [
                "When is the next food distribution?", "How do I register a new-born child?",
                "Where can I get my documents replaced?",
            ]
        ),
        (
            "ASSIST", 25, ["Shelter", "WASH", "Health"],
            [
                "Our tent leaks when it rains.", "We need jerrycans for a family of seven.",
                "My mother needs a wheelchair.",
            ]
        ),
        (
            "MINOR", 15, ["WASH", "Shelter", "Food security"],
            [
                "The queue at the water point is very long in the morning.",
                "Lights on the path to the latrines would help.",
            ]
        ),
        (
            "MAJOR", 12, ["WASH", "Food security", "Health"],
            [
                "The water point in our block has been broken for two weeks.",
                "Our ration was smaller than the list says.",
            ]
        ),
        ("THANKS", 8, [], ["Thank you for the new latrines.", "The mobile clinic helped my son."]),
        ("OTHER-ORG", 4, [], ["The bus company refuses our vouchers."]),
        ("PSEA", 2, [], ["Report of concern about an aid worker (demo)."]),
        ("SAFEGUARDING", 1, [], ["Report of concern about a child (demo)."]),
        ("GBV", 1, [], ["Report of concern (demo)."]),
        ("FRAUD", 2, [], ["Report of a demand for payment (demo)."]),
    ]

    static let channels: [FeedbackChannel] = [
        .helpDesk, .helpDesk, .helpDesk, .hotline, .hotline, .suggestionBox, .communityMeeting, .mobileTeam, .webForm,
    ]

    /// Services a site may list, with the sector, the kind of provider and whether it takes referrals.
    static let services: [(sector: String, name: String, location: String, hours: String, referral: Bool)] = [
        ("CCCM", "Help desk and information point", "Site office, main gate", "Every day 08:00-17:00", false),
        ("Health", "Primary health clinic", "Block A", "Mon-Sat 08:00-16:00", false),
        ("Protection", "Women and girls safe space", "Block C, beside the school", "Mon-Fri 09:00-16:00", true),
        ("WASH", "Water point committee", "Each block's tap stand", "Daily 06:00-18:00", false),
        ("Education", "Temporary learning space", "School tent", "Sun-Thu 08:00-13:00", false),
    ]

    struct Records {
        var items: [FeedbackItem] = []
        var services: [Service] = []
    }

    /// `perSite` fixes how many items each open site gets (the scale fixture); the demo draws 0 to 6.
    static func records(
        sites: [Site], organisations: [Organisation], categories: [FeedbackCategory], cipher: FeedbackCipher,
        seed: UInt64, now: Date, perSite: Int? = nil, withServices: Bool = true
    ) throws -> Records {
        var random = SeededRandom(seed: seed &+ 7_000)
        var records = Records()
        let byCode = Dictionary(categories.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let weighted = menu.flatMap { entry in Array(repeating: entry, count: entry.weight) }
        let providers = organisations.filter { [.ingo, .un, .nngo].contains($0.kind) }
        for site in sites where site.status == .open {
            for service in services where withServices && random.chance(service.referral ? 0.6 : 0.5) {
                let entry = Service()
                entry.id = UUID()
                entry.$site.id = site.id!
                entry.$provider.id = random.pick(providers).id!
                (entry.sector, entry.name, entry.location, entry.hours) = (
                    service.sector, service.name, service.location, service.hours
                )
                entry.contact = "Ask at the help desk"
                entry.referralFocalPoint = service.referral ? "Protection officer on duty" : ""
                records.services.append(entry)
            }
            for _ in 0..<(perSite ?? random.int(0...6)) {
                let pick = random.pick(weighted)
                let category = byCode[pick.category]!
                let received = now.addingTimeInterval(
                    -Double(random.int(0...89)) * 86_400 - Double(random.int(0...36_000)))
                let consent = random.chance(0.4)
                let input = FeedbackInput(
                    siteId: site.id!, channel: random.pick(channels), category: pick.category,
                    sector: pick.sectors.isEmpty ? nil : random.pick(pick.sectors),
                    description: random.pick(pick.texts),
                    contact: consent ? "+000 555 \(random.int(1000...9999)) (demo)" : nil, consentToContact: consent,
                    wantsAnswer: pick.category != "THANKS", receivedAt: received,
                    sex: random.pick(FeedbackSex.allCases.dropLast() + [nil]),
                    ageGroup: random.pick(FeedbackAgeGroup.allCases + [nil]),
                    disability: random.chance(0.1) ? true : nil)
                let item = try FeedbackRegister.make(input, category: category, cipher: cipher, now: now)
                try advance(
                    item, ageInDays: now.timeIntervalSince(received) / 86_400, random: &random,
                    referTo: random.pick(providers), cipher: cipher)
                records.items.append(item)
            }
        }
        return records
    }

    /// Moves an item along the workflow as far as its age makes likely; some stay behind and run late.
    private static func advance(
        _ item: FeedbackItem, ageInDays age: Double, random: inout SeededRandom, referTo: Organisation,
        cipher: FeedbackCipher
    ) throws {
        var steps: [FeedbackTransition] = []
        if age > 2 || random.chance(0.5) { steps.append(.init(to: .acknowledged)) }
        if age > 7, random.chance(0.35) {
            steps.append(.init(to: .referred, organisationId: referTo.id, focalPoint: "Field officer"))
        }
        if item.wantsAnswer, age > 10, random.chance(0.8) {
            steps.append(.init(to: .responded, response: "Followed up with the person (demo)."))
        }
        if age > 20, random.chance(0.85), !item.wantsAnswer || steps.last?.to == .responded {
            steps.append(
                .init(
                    to: .closed, closedVia: .helpDesk, satisfaction: random.pick(FeedbackSatisfaction.allCases + [nil]))
            )
        }
        for (index, step) in steps.enumerated() {
            let when = item.receivedAt.addingTimeInterval(
                min(age, Double(index + 1) * random.uniform(0.5...9)) * 86_400)
            try FeedbackRegister.apply(step, to: item, cipher: cipher, now: when)
        }
    }
}
