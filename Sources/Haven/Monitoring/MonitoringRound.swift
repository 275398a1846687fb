import Fluent
import Foundation
import SQLKit

/// One monitoring round: one site, one day, its key informants, its answers and the scores they earned.
final class MonitoringRound: Model, Audited, @unchecked Sendable {
    static let schema = "monitoring_rounds"
    static let auditEntity = "monitoring round"

    enum Source: String, Codable, CaseIterable, Sendable { case web, api, upload, odk }

    @ID(key: .id) var id: UUID?
    @Parent(key: "site_id") var site: Site
    @Field(key: "conducted_on") var conductedOn: String
    @Field(key: "key_informants") var keyInformants: String
    @Field(key: "catalogue_version") var catalogueVersion: Int
    /// The site's population on the round's date, which the ratios were computed with.
    @OptionalField(key: "population") var population: Int?
    @Field(key: "answers") var answersJSON: String
    @Field(key: "scores") var scoresJSON: String
    @OptionalField(key: "overall_severity") var overallSeverity: Int?
    /// Sector severities alone (also inside the scores), in the compact form gap analysis reads for every site.
    @Field(key: "sector_severities") var sectorSeveritiesText: String
    @Enum(key: "source") var source: Source
    /// The ODK instance ID, so that a resubmitted form is recognised.
    @OptionalField(key: "instance_id") var instanceID: String?
    /// SHA-256 of the submitted XML: the same instance sent again is recognised, a different one refused.
    @OptionalField(key: "submission_hash") var submissionHash: String?
    @OptionalField(key: "submitter_id") var submitterID: UUID?
    /// True for each site's most recent round that is not archived: what gap analysis reads.
    @Field(key: "latest") var latest: Bool
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var answers: [String: Answer] {
        (try? JSONDecoder().decode([String: Answer].self, from: Data(answersJSON.utf8))) ?? [:]
    }

    var scores: RoundScores {
        (try? JSONDecoder().decode(RoundScores.self, from: Data(scoresJSON.utf8)))
            ?? RoundScores(sectors: [:], values: [:], unmet: [])
    }

    /// Stores the answers as sent and what they scored.
    func record(answers: [String: Answer], scored: ScoredRound) throws {
        answersJSON = String(decoding: try JSONEncoder.sorted.encode(answers), as: UTF8.self)
        scoresJSON = String(decoding: try JSONEncoder.sorted.encode(RoundScores(scored)), as: UTF8.self)
        sectorSeveritiesText = SectorSeverities.encode(scored.sectors)
        overallSeverity = scored.overall?.rawValue
    }

    var sectorSeverities: [String: Severity] { SectorSeverities.decode(sectorSeveritiesText) }

    var auditLabel: String { "round of \(conductedOn)" }

    var auditFields: [String: String] {
        [
            "conductedOn": conductedOn, "keyInformants": keyInformants, "answers": answersJSON,
            "catalogueVersion": String(catalogueVersion), "population": population.auditText,
        ]
    }
}

extension MonitoringRound {
    /// Inserts rounds as they are (their `latest` flags are settled afterwards, see `RoundRegister.store`).
    /// Plain SQL rather than Fluent's create, which reflects over every field of every row it saves.
    static func insert(_ rounds: [MonitoringRound], on db: any Database) async throws {
        guard !rounds.isEmpty else { return }
        var insert = db.sql.insert(into: schema)
            .columns(
                "id", "site_id", "conducted_on", "key_informants", "catalogue_version", "population", "answers",
                "scores",
                "overall_severity", "sector_severities", "source", "instance_id", "submission_hash", "submitter_id",
                "latest",
                "archived_at", "created_at")
        for round in rounds {
            insert = try insert.values(
                [
                    SQLBind(round.requireID()), SQLBind(round.$site.id), SQLBind(round.conductedOn),
                    SQLBind(round.keyInformants),
                    SQLBind(round.catalogueVersion), SQLBind(round.population), SQLBind(round.answersJSON),
                    SQLBind(round.scoresJSON),
                    SQLBind(round.overallSeverity), SQLBind(round.sectorSeveritiesText), SQLBind(round.source.rawValue),
                    SQLBind(round.instanceID), SQLBind(round.submissionHash), SQLBind(round.submitterID),
                    SQLBind(round.latest),
                    SQLBind(round.archivedAt), SQLBind(round.createdAt ?? Date()),
                ] as [any SQLExpression])
        }
        try await insert.run()
    }
}

/// What a round's answers earned, stored with it.
struct RoundScores: Codable, Equatable, Sendable {
    var sectors: [String: Severity]
    /// Numbers and severities per indicator code, derived ones included.
    var values: [String: ScoredValue]
    var unmet: [UnmetStandard]

    struct ScoredValue: Codable, Equatable, Sendable {
        var number: Double?
        var text: String?
        var severity: Severity?
    }

    init(sectors: [String: Severity], values: [String: ScoredValue], unmet: [UnmetStandard]) {
        self.sectors = sectors
        self.values = values
        self.unmet = unmet
    }

    init(_ scored: ScoredRound) {
        sectors = scored.sectors
        values = Dictionary(
            uniqueKeysWithValues: scored.values.map {
                (
                    $0.code,
                    ScoredValue(
                        number: $0.number?.isFinite == true ? $0.number : nil, text: $0.text, severity: $0.severity)
                )
            })
        unmet = scored.unmet
    }
}

struct CreateMonitoringRounds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitoringRound.schema)
            .id()
            .field("site_id", .uuid, .required, .references(Site.schema, "id"))
            .field("conducted_on", .string, .required)
            .field("key_informants", .string, .required)
            .field("catalogue_version", .int, .required)
            .field("population", .int32)
            .field("answers", .string, .required)
            .field("scores", .string, .required)
            .field("overall_severity", .int32)
            .field("sector_severities", .string, .required)
            .field("source", .string, .required)
            .field("instance_id", .string)
            .field("submission_hash", .string)
            .field("submitter_id", .uuid)
            .field("latest", .bool, .required)
            .field("archived_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "instance_id")
            .create()
        try await database.createIndex(
            "monitoring_rounds_site_day", on: MonitoringRound.schema, "site_id", "conducted_on")
        try await database.createIndex(
            "monitoring_rounds_latest", on: MonitoringRound.schema, "latest", "overall_severity")
        try await database.createIndex("monitoring_rounds_day", on: MonitoringRound.schema, "conducted_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MonitoringRound.schema).delete()
    }
}
