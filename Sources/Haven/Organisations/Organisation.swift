import Fluent
import Foundation

/// An agency taking part in the response: UN, NGO, government, Red Cross/Red Crescent.
final class Organisation: Model, Audited, @unchecked Sendable {
    static let schema = "organisations"
    static let auditEntity = "organisation"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case un, ingo, nngo, government
        case redCrossRedCrescent = "red_cross_red_crescent"
        case other

        var label: String {
            switch self {
            case .un: "UN agency"
            case .ingo: "International NGO"
            case .nngo: "National NGO"
            case .government: "Government"
            case .redCrossRedCrescent: "Red Cross / Red Crescent"
            case .other: "Other"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "acronym") var acronym: String
    @Enum(key: "type") var kind: Kind
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    /// The organisations a form offers to choose from: those not archived, by name.
    static func choices(on db: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: db).live().sort(\.$name).all()
    }

    /// Organisations by lower-cased name and acronym, as people write them in spreadsheets.
    static func byName(on db: any Database) async throws -> [String: UUID] {
        var names: [String: UUID] = [:]
        for org in try await Organisation.query(on: db).live().all() {
            names[org.name.lowercased()] = org.id
            if !org.acronym.isEmpty { names[org.acronym.lowercased()] = org.id }
        }
        return names
    }

    /// The organisation a list filter names by id, acronym or name, in any case; an unknown one adds its
    /// refusal on `field`.
    static func filtered(_ key: String?, field: String, on db: any Database, errors: inout [FieldError])
        async throws -> UUID?
    {
        guard let key = key.nonEmpty?.trimmed else { return nil }
        if let id = UUID(uuidString: key) { return id }
        guard let id = try await byName(on: db)[key.lowercased()] else {
            errors.append(FieldError(field, "'\(key.prefix(40))' is not a known organisation"))
            return nil
        }
        return id
    }

    /// Every organisation's short name by id, archived ones too (old lines still name them), read as plain rows.
    static func shortNames(on db: any Database) async throws -> [UUID: String] {
        struct Row: Decodable {
            var id: UUID
            var name: String
            var acronym: String
        }
        let rows = try await db.sql.select().columns("id", "name", "acronym").from(schema).all(decoding: Row.self)
        return Dictionary(
            rows.map { ($0.id, shortName(name: $0.name, acronym: $0.acronym)) }, uniquingKeysWith: { a, _ in a })
    }

    init(id: UUID? = nil, name: String, acronym: String, kind: Kind) {
        self.id = id
        self.name = name
        self.acronym = acronym
        self.kind = kind
    }

    /// The short name people use in tables: the acronym when there is one.
    var shortName: String { Self.shortName(name: name, acronym: acronym) }

    static func shortName(name: String, acronym: String) -> String {
        acronym.isEmpty ? name : acronym
    }
    var auditLabel: String { shortName }
    var auditFields: [String: String] { ["name": name, "acronym": acronym, "type": kind.rawValue] }
}

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("acronym", .string, .required)
            .field("type", .string, .required)
            .field("archived_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
