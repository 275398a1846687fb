import Fluent
import Foundation

/// How a count was made; registration is the most reliable, an estimate the least.
public enum PopulationSource: String, Codable, CaseIterable, Sendable, Vocabulary {
    case headcount, registration, estimate

    public var label: String { rawValue.capitalized }
}

/// One count of a site's population on a day, with its sex and age breakdown.
final class PopulationCount: Model, Audited, @unchecked Sendable {
    static let schema = "population_counts"
    static let auditEntity = "population count"

    @ID(key: .id) var id: UUID?
    @Parent(key: "site_id") var site: Site
    @Field(key: "counted_on") var countedOn: String
    @Field(key: "households") var households: Int
    @Field(key: "individuals") var individuals: Int
    @Field(key: "disaggregated") var disaggregated: Bool
    @OptionalField(key: "female_0_4") var female0to4: Int?
    @OptionalField(key: "female_5_11") var female5to11: Int?
    @OptionalField(key: "female_12_17") var female12to17: Int?
    @OptionalField(key: "female_18_59") var female18to59: Int?
    @OptionalField(key: "female_60_plus") var female60plus: Int?
    @OptionalField(key: "male_0_4") var male0to4: Int?
    @OptionalField(key: "male_5_11") var male5to11: Int?
    @OptionalField(key: "male_12_17") var male12to17: Int?
    @OptionalField(key: "male_18_59") var male18to59: Int?
    @OptionalField(key: "male_60_plus") var male60plus: Int?
    @OptionalField(key: "persons_with_disabilities") var personsWithDisabilities: Int?
    @OptionalField(key: "unaccompanied_separated_children") var unaccompaniedSeparatedChildren: Int?
    @OptionalField(key: "female_headed_households") var femaleHeadedHouseholds: Int?
    @OptionalField(key: "older_persons_alone") var olderPersonsAlone: Int?
    @OptionalField(key: "arrivals") var arrivals: Int?
    @OptionalField(key: "departures") var departures: Int?
    @Enum(key: "source") var source: PopulationSource
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var auditLabel: String { "count of \(countedOn)" }

    var figures: PopulationFigures {
        get {
            PopulationFigures(
                countedOn: .stored(countedOn), households: households, individuals: individuals,
                disaggregated: disaggregated,
                female: [female0to4, female5to11, female12to17, female18to59, female60plus],
                male: [male0to4, male5to11, male12to17, male18to59, male60plus],
                personsWithDisabilities: personsWithDisabilities,
                unaccompaniedSeparatedChildren: unaccompaniedSeparatedChildren,
                femaleHeadedHouseholds: femaleHeadedHouseholds, olderPersonsAlone: olderPersonsAlone,
                arrivals: arrivals, departures: departures, source: source)
        }
        set {
            countedOn = newValue.countedOn.description
            households = newValue.households
            individuals = newValue.individuals
            disaggregated = newValue.disaggregated
            (female0to4, female5to11, female12to17, female18to59, female60plus) =
                (newValue.female[0], newValue.female[1], newValue.female[2], newValue.female[3], newValue.female[4])
            (male0to4, male5to11, male12to17, male18to59, male60plus) =
                (newValue.male[0], newValue.male[1], newValue.male[2], newValue.male[3], newValue.male[4])
            personsWithDisabilities = newValue.personsWithDisabilities
            unaccompaniedSeparatedChildren = newValue.unaccompaniedSeparatedChildren
            femaleHeadedHouseholds = newValue.femaleHeadedHouseholds
            olderPersonsAlone = newValue.olderPersonsAlone
            arrivals = newValue.arrivals
            departures = newValue.departures
            source = newValue.source
        }
    }

    var auditFields: [String: String] { figures.auditFields }
}

struct CreatePopulationCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        var schema = database.schema(PopulationCount.schema)
            .id()
            .field("site_id", .uuid, .required, .references(Site.schema, "id"))
            .field("counted_on", .string, .required)
            .field("households", .int, .required)
            .field("individuals", .int, .required)
            .field("disaggregated", .bool, .required)
        for column in PopulationFigures.cellColumns + PopulationFigures.specificNeedsColumns {
            schema = schema.field(.string(column), .int)
        }
        try await schema
            .field("source", .string, .required)
            .field("archived_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.createIndex(
            "population_counts_site_day", on: PopulationCount.schema, "site_id", "counted_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PopulationCount.schema).delete()
    }
}
