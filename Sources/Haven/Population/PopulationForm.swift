import Fluent
import Plot
import Vapor

/// Reads the count form's text fields into figures, naming each field it cannot read.
enum PopulationForm {
    static func figures(from values: [String: String]) throws -> PopulationFigures {
        var reader = FieldReader(values: values)
        let day = reader.day("countedOn")
        let households = reader.int("households")
        let individuals = reader.int("individuals")
        let cells = PopulationFigures.cellFields.map { reader.int($0) }
        let figures = PopulationFigures(
            countedOn: day ?? .today(), households: households ?? 0, individuals: individuals ?? 0,
            disaggregated: values["disaggregated"] == "yes", female: Array(cells[0..<5]), male: Array(cells[5..<10]),
            personsWithDisabilities: reader.int("personsWithDisabilities"),
            unaccompaniedSeparatedChildren: reader.int("unaccompaniedSeparatedChildren"),
            femaleHeadedHouseholds: reader.int("femaleHeadedHouseholds"),
            olderPersonsAlone: reader.int("olderPersonsAlone"),
            arrivals: reader.int("arrivals"), departures: reader.int("departures"),
            source: reader.vocabulary("source", PopulationSource.self) ?? .estimate)
        var errors = reader.errors
        for (field, value) in [
            ("countedOn", day.map { _ in 0 }), ("households", households), ("individuals", individuals),
        ]
        where value == nil && errors.message(for: field) == nil {
            errors.append(FieldError(field, "is required"))
        }
        let unread = Set(errors.map(\.field))
        try HavenError.check(
            errors + PopulationRules.validate(figures, today: .today()).filter { !unread.contains($0.field) })
        return figures
    }
}
