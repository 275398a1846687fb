import Fluent
import Foundation
import SQLKit
import Vapor

/// What a person or client sends for a round, whichever way it arrives.
struct RoundInput: Content, Equatable {
    var conductedOn: CalendarDay
    /// Who answered, by role: "camp leader", "women's representative".
    var keyInformants: [String]?
    var values: [String: Answer]
}

/// The little of a site that recording a round needs.
struct RoundSite: Sendable {
    var id: UUID
    var code: String
    var openedOn: CalendarDay?
    var scope: SiteScope

    init(_ site: Site) throws {
        id = try site.requireID()
        code = site.code
        openedOn = site.openedOn.flatMap(CalendarDay.init)
        scope = site.scope
    }

    private struct Row: Decodable {
        var id: UUID
        var code: String
        var openedOn: String?
        var managementAgencyID: UUID?
    }

    /// The site with this code, unless archived. Read without the model: ODK submissions arrive by the hundred.
    static func find(code: String, on db: any Database) async throws -> RoundSite? {
        try await db.sql.select().columns("id", "code").column(
            SQLAlias(SQLIdentifier("opened_on"), as: SQLIdentifier("openedOn"))
        )
        .column(SQLAlias(SQLIdentifier("management_agency_id"), as: SQLIdentifier("managementAgencyID"))).from(
            Site.schema
        )
        .where("code_key", .equal, Site.key(code)).where("archived_at", .is, SQLLiteral.null).first(
            decoding: Row.self
        )
        .map {
            RoundSite(
                id: $0.id, code: $0.code, openedOn: $0.openedOn.flatMap(CalendarDay.init),
                scope: SiteScope(id: $0.id, managementAgencyID: $0.managementAgencyID))
        }
    }

    private init(id: UUID, code: String, openedOn: CalendarDay?, scope: SiteScope) {
        self.id = id
        self.code = code
        self.openedOn = openedOn
        self.scope = scope
    }
}

/// Recording monitoring rounds: checked, scored with the current catalogue, audited, and kept as the
/// site's latest when they are. Every way a round arrives (form, API, upload, ODK) comes through here.
/// Reads and writes are plain SQL, a few statements per round, because ODK ingest is the hottest
/// write path Haven has.
enum RoundRegister {
    /// An ODK submission's identity: its instance ID and a hash of its XML.
    struct Submission: Sendable {
        var instanceID: String
        var hash: String
    }

    /// Checks, scores and stores a round. With a writer, the round is committed together with others
    /// arriving at the same moment; either way it is on disk when this returns.
    static func record(
        _ input: RoundInput, for site: RoundSite, catalogue: Catalogue.Version, source: MonitoringRound.Source,
        submission: Submission? = nil, by actor: Actor, on db: any Database, writer: RoundWriter? = nil,
        today: CalendarDay = .today()
    ) async throws -> MonitoringRound {
        var errors =
            RoundScoring.validate(input.values, catalogue: catalogue.indicators)
            + TextRules.problems((input.keyInformants ?? []).prefix(50).map { ("keyInformants", $0.trimmed, .name) })
        if (input.keyInformants ?? []).count > 50 {
            errors.append(FieldError("keyInformants", "lists more than 50 people"))
        }
        if input.conductedOn > today {
            errors.append(FieldError("conductedOn", "\(input.conductedOn) is in the future"))
        }
        if let opened = site.openedOn, input.conductedOn < opened {
            errors.append(FieldError("conductedOn", "\(input.conductedOn) is before the site opened on \(opened)"))
        }
        let standing = try await Standing.of(site.id, on: input.conductedOn, on: db)
        if standing.taken {
            errors.append(FieldError("conductedOn", "this site already has a round on \(input.conductedOn)"))
        }
        try HavenError.check(errors)

        let scored = RoundScoring.score(input.values, catalogue: catalogue.indicators, population: standing.population)
        let round = MonitoringRound()
        round.id = UUID()
        round.$site.id = site.id
        round.conductedOn = input.conductedOn.description
        round.keyInformants = (input.keyInformants ?? []).map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "; ")
        round.catalogueVersion = catalogue.number
        round.population = standing.population
        try round.record(answers: input.values, scored: scored)
        round.source = source
        round.instanceID = submission?.instanceID
        round.submissionHash = submission?.hash
        round.submitterID = actor.userID
        round.createdAt = Date()
        round.latest = false
        let entry = Entry(round: round, event: Audit.creation(of: round, by: actor))
        if let writer, !db.inTransaction {
            try await writer.write(entry, on: db)
        } else {
            try await db.write { tx in try await store([entry], on: tx) }
        }
        round.latest = standing.newest.map { round.conductedOn > $0 } ?? true
        return round
    }

    /// A round ready to be written, with its audit event.
    struct Entry: @unchecked Sendable {
        var round: MonitoringRound
        var event: AuditEvent
    }

    /// Writes rounds and their audit events, then settles which round is each site's latest: a newer
    /// round takes over, an older one recorded late does not. Three statements however many rounds.
    static func store(_ entries: [Entry], on tx: any Database) async throws {
        try await MonitoringRound.insert(entries.map(\.round), on: tx)
        try await AuditEvent.insert(entries.map(\.event), on: tx)
        let siteIDs = Array(Set(entries.map(\.round.$site.id)))
        let roundIDs = entries.compactMap(\.round.id)
        try await tx.sql.raw(
            """
            UPDATE \(ident: MonitoringRound.schema) SET latest = (archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM \
            \(ident: MonitoringRound.schema) AS newer WHERE newer.site_id = \(ident: MonitoringRound.schema).site_id \
            AND newer.archived_at IS NULL AND newer.conducted_on > \(ident: MonitoringRound.schema).conducted_on)) \
            WHERE site_id IN (\(binds: siteIDs)) AND (latest = \(bind: true) OR id IN (\(binds: roundIDs)))
            """
        ).run()
    }

    /// What the database already knows about a site on a round's day, read in one statement.
    private struct Standing: Decodable {
        /// A round is already recorded for that day.
        var taken: Bool
        /// The population the ratios use: the site's latest count on or before the day.
        var population: Int?
        /// The day of the site's newest round.
        var newest: String?

        static func of(_ siteID: UUID, on day: CalendarDay, on db: any Database) async throws -> Standing {
            let day = day.description
            return try await db.sql.raw(
                """
                SELECT EXISTS (SELECT 1 FROM \(ident: MonitoringRound.schema) WHERE site_id = \(bind: siteID) \
                AND conducted_on = \(bind: day) AND archived_at IS NULL) AS taken, \
                (SELECT individuals FROM \(ident: PopulationCount.schema) WHERE site_id = \(bind: siteID) AND archived_at IS NULL \
                AND counted_on <= \(bind: day) ORDER BY counted_on DESC LIMIT 1) AS population, \
                (SELECT MAX(conducted_on) FROM \(ident: MonitoringRound.schema) WHERE site_id = \(bind: siteID) \
                AND archived_at IS NULL) AS newest
                """
            ).first(decoding: Standing.self) ?? Standing(taken: false, population: nil, newest: nil)
        }
    }
}

extension JSONEncoder {
    /// Stable output, so that stored JSON and hashes do not depend on dictionary order.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
