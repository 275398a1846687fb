import Fluent
import Foundation

/// One kind of activity partners report under a sector: "Water trucking", "Latrine construction".
final class ActivityType: Model, Audited, @unchecked Sendable {
    static let schema = "activity_types"
    static let auditEntity = "activity type"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "sector") var sector: String
    @Field(key: "name") var name: String
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    init(id: UUID? = UUID(), code: String, sector: String, name: String) {
        self.id = id
        self.code = code
        self.sector = sector
        self.name = name
    }

    var auditLabel: String { "\(code) \(name)" }
    var auditFields: [String: String] { ["code": code, "sector": sector, "name": name] }
}

/// The activity catalogue a new operation starts with; coordinators adapt it.
enum ActivitySeed {
    static let entries: [(sector: String, code: String, name: String)] = [
        ("CCCM", "CCCM-01", "Site management and coordination"),
        ("CCCM", "CCCM-02", "Site committee set-up and training"),
        ("CCCM", "CCCM-03", "Site maintenance and care (drainage, paths, lighting)"),
        ("CCCM", "CCCM-04", "Community feedback and referral"),
        ("Shelter", "SHL-01", "Emergency shelter kits"), ("Shelter", "SHL-02", "Transitional shelter construction"),
        ("Shelter", "SHL-03", "Shelter repair and upgrade"), ("Shelter", "NFI-01", "Core relief items distribution"),
        ("Shelter", "NFI-02", "Cash for non-food items"),
        ("WASH", "WASH-01", "Water trucking"), ("WASH", "WASH-02", "Water point construction or rehabilitation"),
        ("WASH", "WASH-03", "Latrine construction"), ("WASH", "WASH-04", "Shower construction"),
        ("WASH", "WASH-05", "Hygiene promotion"), ("WASH", "WASH-06", "Hygiene kit distribution"),
        ("WASH", "WASH-07", "Solid waste management"),
        ("Health", "HLT-01", "Primary health care consultations"), ("Health", "HLT-02", "Mobile clinic"),
        ("Health", "HLT-03", "Vaccination campaign"),
        ("Protection", "PRT-01", "Protection monitoring"), ("Protection", "PRT-02", "Case management"),
        ("Protection", "GBV-01", "GBV case management and referral"),
        ("Protection", "GBV-02", "Women and girls safe space"),
        ("Protection", "CP-01", "Child-friendly space"), ("Protection", "CP-02", "Family tracing and reunification"),
        ("Education", "EDU-01", "Temporary learning space"), ("Education", "EDU-02", "Learning materials distribution"),
        ("Food security", "FSL-01", "General food distribution"), ("Food security", "FSL-02", "Cash for food"),
        ("Nutrition", "NUT-01", "Malnutrition screening"), ("Nutrition", "NUT-02", "Supplementary feeding"),
        ("Livelihoods", "LIV-01", "Cash for work"), ("Livelihoods", "LIV-02", "Vocational training"),
    ]

    static func seed(on db: any Database) async throws {
        let types = entries.map { ActivityType(code: $0.code, sector: $0.sector, name: $0.name) }
        try await db.write { tx in
            try await types.create(on: tx)
            try await AuditEvent.insert(types.map { Audit.creation(of: $0, by: .commandLine("seed")) }, on: tx)
        }
    }
}

struct CreateActivityTypes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ActivityType.schema)
            .id()
            .field("code", .string, .required)
            .field("sector", .string, .required)
            .field("name", .string, .required)
            .field("archived_at", .datetime)
            .unique(on: "code")
            .create()
        try await ActivitySeed.seed(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ActivityType.schema).delete()
    }
}
