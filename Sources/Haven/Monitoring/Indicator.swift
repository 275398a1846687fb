import Fluent
import Foundation

/// How a round answers an indicator.
public enum IndicatorValueType: String, Codable, CaseIterable, Sendable, Vocabulary {
    case count, number, percentage
    case yesNo = "yes_no"
    case adequacy
    case choice
    case derived

    public var label: String {
        switch self {
        case .count: "Count"
        case .number: "Number"
        case .percentage: "Percentage"
        case .yesNo: "Yes / no"
        case .adequacy: "Adequate / inadequate / non-existent"
        case .choice: "Choice list"
        case .derived: "Computed from other answers"
        }
    }

    var isNumeric: Bool { [.count, .number, .percentage, .derived].contains(self) }
}

/// One item of the monitoring catalogue: what is asked or computed, and how it is scored.
final class Indicator: Model, Audited, @unchecked Sendable {
    static let schema = "indicators"
    static let auditEntity = "indicator"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "sector") var sector: String
    @Field(key: "label") var label: String
    @Field(key: "unit") var unit: String
    @Enum(key: "value_type") var valueType: IndicatorValueType
    /// For derived indicators: which formula computes them.
    @OptionalField(key: "derived") var derived: String?
    /// For numeric indicators with a standard: the bands, as JSON.
    @OptionalField(key: "bands") var bandsJSON: String?
    /// For yes/no, adequacy and choice indicators: each answer and the severity it means (JSON; null severity = not scored).
    @OptionalField(key: "options") var optionsJSON: String?
    @Field(key: "source") var source: String
    @Field(key: "position") var position: Int
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    /// The indicators in use, in the catalogue's order.
    static func inUse(on db: any Database) async throws -> [Indicator] {
        try await Indicator.query(on: db).live().sort(\.$position).all()
    }

    var bands: SeverityBands? {
        get { bandsJSON.flatMap { try? JSONDecoder().decode(SeverityBands.self, from: Data($0.utf8)) } }
        // Bands are checked finite before they are set (`IndicatorRules`); an encoding failure keeps none.
        set {
            bandsJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    var options: [IndicatorOption] {
        get { optionsJSON.flatMap { try? JSONDecoder().decode([IndicatorOption].self, from: Data($0.utf8)) } ?? [] }
        set {
            optionsJSON =
                newValue.isEmpty
                ? nil : (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    var auditLabel: String { code }

    var auditFields: [String: String] {
        [
            "code": code, "sector": sector, "label": label, "unit": unit, "valueType": valueType.rawValue,
            "derived": derived.auditText, "bands": bandsJSON.auditText, "options": optionsJSON.auditText,
            "source": source,
        ]
    }
}

/// An answer of a yes/no, adequacy or choice indicator, and the severity it stands for.
public struct IndicatorOption: Codable, Equatable, Sendable {
    public var value: String
    public var label: String
    public var severity: Severity?
}

struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Indicator.schema)
            .id()
            .field("code", .string, .required)
            .field("sector", .string, .required)
            .field("label", .string, .required)
            .field("unit", .string, .required)
            .field("value_type", .string, .required)
            .field("derived", .string)
            .field("bands", .string)
            .field("options", .string)
            .field("source", .string, .required)
            .field("position", .int, .required)
            .field("archived_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(CatalogueVersion.schema)
            .id()
            .field("version", .int, .required)
            .field("snapshot", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "version")
            .create()
        try await IndicatorSeed.load(on: database)
        try await Catalogue.publish(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogueVersion.schema).delete()
        try await database.schema(Indicator.schema).delete()
    }
}
