import Fluent
import Foundation
import SQLKit
import Vapor

/// Writes a demo operation into an empty database, audited like any other change, in bulk.
public enum DemoLoader {
    public struct Summary: Sendable {
        public var areas: Int
        public var sites: Int
        public var counts: Int
        public var rounds: Int
        public var logins: [(email: String, role: String)]
        public static let password = "haven-demo-2026"
    }

    static let batchSize = 1000
    static let demoUsers: [(String, Role)] = [
        ("admin@haven.demo", .administrator), ("coordinator@haven.demo", .coordinator),
        ("sitemanager@haven.demo", .siteManager), ("partner@haven.demo", .partner), ("viewer@haven.demo", .viewer),
        (focalPoint, .coordinator),
    ]
    /// A coordinator who is also the focal point for sensitive feedback.
    static let focalPoint = "focalpoint@haven.demo"

    public static func isEmpty(_ db: any Database) async throws -> Bool {
        let sites = try await Site.query(on: db).count()
        let areas = try await AdminArea.query(on: db).count()
        return sites == 0 && areas == 0
    }

    static func load(
        sites: Int, months: Int, seed: UInt64, cipher: FeedbackCipher, on db: any Database,
        today: CalendarDay = .today()
    ) async throws -> Summary {
        guard try await isEmpty(db) else {
            throw HavenError.conflict(
                "The database already holds sites or areas; the demo loads only into an empty database.")
        }
        let catalogue = try await Catalogue.current(on: db)
        var types: [String: ActivityReferences.ActivityTypeRow] = [:]
        for type in try await ActivityType.query(on: db).live().all() {
            types[type.code] = ActivityReferences.ActivityTypeRow(
                id: try type.requireID(), code: type.code, sector: type.sector)
        }
        let records = try Records(
            DemoOperation(sites: sites, months: months, seed: seed, today: today), catalogue: catalogue, types: types)
        let now = today == .today() ? Date() : today.date.addingTimeInterval(12 * 3600)
        let feedback = try DemoFeedback.records(
            sites: records.sites, organisations: records.organisations,
            categories: try await FeedbackCategory.query(on: db).all(), cipher: cipher, seed: seed, now: now)
        let actor = Actor.commandLine("demo")
        try await db.write { tx in
            try await insert(records.areas, on: tx)
            try await insert(records.boundaries, on: tx)
            try await insert(records.organisations, on: tx)
            try await insert(records.sites, on: tx)
            try await insert(records.statusChanges, on: tx)
            try await insert(records.counts, on: tx)
            try await insert(records.rounds, on: tx)
            try await Activity.insert(records.activities, on: tx)
            try await insert(records.targets, on: tx)
            try await insert(feedback.services, on: tx)
            try await insert(feedback.items, on: tx)
            try await FeedbackTallies.count(feedback.items, on: tx)
            try await AuditEvent.insert(
                feedback.services.map { Audit.creation(of: $0, by: actor) }
                    + feedback.items.map { Audit.creation(of: $0, by: actor) },
                on: tx)
            try await insert(records.users, on: tx)
            try await insert(records.assignments, on: tx)
            try await insert(records.audit, on: tx)
        }
        // Fresh planner statistics after a bulk load; without them PostgreSQL picks poor plans at first.
        try await db.sql.raw("ANALYZE").run()
        try await DemoReports.publish(months: months, today: today, now: now, on: db)
        return Summary(
            areas: records.areas.count, sites: records.sites.count, counts: records.counts.count,
            rounds: records.rounds.count,
            logins: demoUsers.map {
                ($0.0, $0.0 == focalPoint ? "Coordinator, focal point for sensitive feedback" : $0.1.label)
            })
    }

    /// Adds `perSite` feedback items to every open site, a hundred sites per transaction: the scale fixture for the
    /// complaints benchmark (a million items at 5,000 sites).
    static func loadFeedback(perSite: Int, seed: UInt64, cipher: FeedbackCipher, on db: any Database) async throws
        -> Int
    {
        let sites = try await Site.query(on: db).filter(\.$status == .open).live().sort(\.$code)
            .all()
        let organisations = try await Organisation.query(on: db).all()
        let categories = try await FeedbackCategory.query(on: db).all()
        let actor = Actor.commandLine("demo")
        var loaded = 0
        for (index, start) in stride(from: 0, to: sites.count, by: 100).enumerated() {
            let chunk = Array(sites[start..<min(start + 100, sites.count)])
            let feedback = try DemoFeedback.records(
                sites: chunk, organisations: organisations, categories: categories, cipher: cipher,
                seed: seed &+ UInt64(index) &* 31, now: Date(), perSite: perSite, withServices: false)
            try await db.write { tx in
                try await insert(feedback.items, on: tx)
                try await FeedbackTallies.count(feedback.items, on: tx)
                try await AuditEvent.insert(feedback.items.map { Audit.creation(of: $0, by: actor) }, on: tx)
            }
            loaded += feedback.items.count
        }
        return loaded
    }

    /// The operation as the models to insert, each with its creation event in the audit trail.
    struct Records: Sendable {
        var areas: [AdminArea] = []
        var boundaries: [AreaBoundary] = []
        var organisations: [Organisation] = []
        var sites: [Site] = []
        var statusChanges: [SiteStatusChange] = []
        var counts: [PopulationCount] = []
        var rounds: [MonitoringRound] = []
        var targets: [ResponseTarget] = []
        var activities: [Activity] = []
        var users: [User] = []
        var assignments: [UserSite] = []
        var audit: [AuditEvent] = []
        private let actor = Actor.commandLine("demo")

        init(
            _ operation: DemoOperation, catalogue: Catalogue.Version,
            types: [String: ActivityReferences.ActivityTypeRow]
        ) throws {
            var areaIDs: [String: UUID] = [:]
            for area in operation.areas {
                let model = AdminArea(
                    id: UUID(), pcode: area.pcode, name: area.name, level: area.level,
                    parentID: area.parentPcode.flatMap { areaIDs[$0] })
                areaIDs[area.pcode] = model.id
                areas.append(created(model))
                if area.level <= 2 {
                    let boundary = try AreaBoundary(areaID: model.id!, pcode: area.pcode, outline: area.box.outline)
                    boundary.id = UUID()
                    boundaries.append(created(boundary))
                }
            }
            organisations = DemoOperation.organisations.map {
                created(Organisation(id: UUID(), name: $0.name, acronym: $0.acronym, kind: $0.kind))
            }
            for demo in operation.sites {
                let site = created(
                    DemoLoader.makeSite(
                        demo, areaID: areaIDs[demo.areaPcode]!, agencyID: demo.agency.map { organisations[$0].id! }))
                sites.append(site)
                for (status, day) in demo.statusHistory {
                    let change = SiteStatusChange(
                        siteID: site.id!, status: status, changedOn: day, recordedBy: actor.label)
                    change.id = UUID()
                    statusChanges.append(change)
                }
                for figures in demo.counts {
                    let count = PopulationCount()
                    count.id = UUID()
                    count.$site.id = site.id!
                    count.figures = figures
                    counts.append(created(count))
                }
                for (index, planned) in demo.rounds.enumerated() {
                    rounds.append(
                        created(
                            try DemoLoader.makeRound(
                                planned, siteID: site.id!, latest: index == demo.rounds.count - 1,
                                catalogue: catalogue)))
                }
            }
            try makeUsers()
            try makeActivities(operation, types: types)
        }

        /// The demo's 5W lines, each checked by the same rules as a partner's, and the plan's targets.
        private mutating func makeActivities(
            _ operation: DemoOperation, types: [String: ActivityReferences.ActivityTypeRow]
        ) throws {
            let lines = DemoActivities.plan(
                operation.sites, months: operation.months, seed: operation.seed, today: operation.today)
            let areaCodes = Dictionary(areas.map { ($0.id!, $0.pcode) }, uniquingKeysWith: { a, _ in a })
            let province = { (site: Int) in String((areaCodes[self.sites[site].$adminArea.id] ?? "").prefix(4)) }
            for input in DemoActivities.targets(lines, province: province, seed: operation.seed) {
                let target = ResponseTarget()
                target.id = UUID()
                TargetRegister.apply(input, to: target)
                targets.append(created(target))
            }
            for line in lines {
                let site = sites[line.site]
                let input = ActivityInput(
                    reportingOrganisationId: organisations[line.organisation].id!, implementingOrganisationId: nil,
                    donorOrganisationId: nil,
                    activity: line.activity, siteId: site.id, adminArea: nil, status: line.status, startOn: line.start,
                    endOn: line.end,
                    month: line.month, modality: line.modality, targeted: line.targeted, reached: line.reached,
                    householdsTargeted: nil, householdsReached: nil, comment: nil)
                let findings = ActivityRules.check(input, currentMonth: ReportingMonth(operation.today))
                guard findings.errors.isEmpty, let type = types[line.activity] else {
                    throw HavenError.badRequest("demo 5W line \(findings.errors)")
                }
                let activity = Activity()
                activity.id = UUID()
                ActivityRegister.apply(
                    input, .init(type: type, place: .init(siteID: site.id, areaID: site.$adminArea.id)), to: activity)
                activities.append(created(activity))
            }
        }

        private mutating func created<M: Audited>(_ model: M) -> M {
            audit.append(Audit.creation(of: model, by: actor))
            return model
        }

        /// One account per role; the site manager runs the first open sites, the partner is NRC.
        private mutating func makeUsers() throws {
            let nrc = organisations.first { $0.acronym == "NRC" }!.id!
            let hash = try Bcrypt.hash(Summary.password)
            for (email, role) in demoUsers {
                let user = User(
                    id: UUID(), email: email, name: role.label + " (demo)", passwordHash: hash, role: role,
                    organisationID: role == .partner ? nrc : nil)
                user.feedbackFocalPoint = email == focalPoint
                users.append(created(user))
            }
            let manager = users.first { $0.role == .siteManager }!.id!
            assignments = sites.filter { $0.status == .open }.prefix(5).map {
                UserSite(userID: manager, siteID: $0.id!)
            }
        }
    }

    private static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        var start = 0
        while start < models.count {
            try await Array(models[start..<min(start + batchSize, models.count)]).create(on: db)
            start += batchSize
        }
    }

    fileprivate static func makeRound(
        _ planned: (day: CalendarDay, answers: [String: Answer], population: Int), siteID: UUID,
        latest: Bool, catalogue: Catalogue.Version
    ) throws -> MonitoringRound {
        let scored = RoundScoring.score(
            planned.answers, catalogue: catalogue.indicators, population: planned.population)
        let round = MonitoringRound()
        round.id = UUID()
        round.$site.id = siteID
        round.conductedOn = planned.day.description
        round.keyInformants = "camp leader; women's representative"
        round.catalogueVersion = catalogue.number
        round.population = planned.population
        try round.record(answers: planned.answers, scored: scored)
        round.source = .web
        round.latest = latest
        return round
    }

    fileprivate static func makeSite(_ demo: DemoOperation.DemoSite, areaID: UUID, agencyID: UUID?) -> Site {
        let site = Site()
        site.id = UUID()
        site.code = demo.code
        site.name = demo.name
        site.otherNames = ""
        site.type = demo.type
        site.status = demo.status
        site.$adminArea.id = areaID
        site.latitude = demo.latitude
        site.longitude = demo.longitude
        site.$managementAgency.id = agencyID
        site.landOwnership = demo.land
        site.tenancyAgreement = demo.tenancy
        site.areaSquareMetres = demo.areaSquareMetres
        site.capacityIndividuals = demo.capacityIndividuals
        site.capacityHouseholds = demo.capacityIndividuals / 5
        site.openedOn = demo.openedOn?.description
        site.closedOn = demo.closedOn?.description
        site.notes = ""
        site.refreshKeys()
        let latest = demo.counts.last
        site.populationIndividuals = latest?.individuals
        site.populationHouseholds = latest?.households
        site.populationCountedOn = latest?.countedOn.description
        return site
    }
}
