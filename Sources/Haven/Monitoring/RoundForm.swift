import Fluent
import Plot
import Vapor

/// Reads the round form: empty answers are questions not asked; numbers are read as numbers.
enum RoundForm {
    static func input(from values: [String: String], catalogue: [IndicatorBody]) throws -> RoundInput {
        var reader = FieldReader(values: values)
        let day = reader.day("conductedOn")
        var answers: [String: Answer] = [:]
        for indicator in catalogue where indicator.valueType != .derived {
            guard let raw = values[indicator.code].nonEmpty else { continue }
            if indicator.valueType.isNumeric {
                if let number = reader.double(indicator.code) { answers[indicator.code] = .number(number) }
            } else {
                answers[indicator.code] = .text(raw)
            }
        }
        var errors = reader.errors
        if day == nil && errors.message(for: "conductedOn") == nil {
            errors.append(FieldError("conductedOn", "is required"))
        }
        try HavenError.check(errors)
        let informants = (values["keyInformants"] ?? "").split(separator: ";").map { String($0).trimmed }
        return RoundInput(conductedOn: day!, keyInformants: informants, values: answers)
    }
}
