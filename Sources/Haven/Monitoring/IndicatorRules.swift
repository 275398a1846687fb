import Fluent
import Vapor

/// The rules an edited indicator must meet before the catalogue accepts it.
enum IndicatorRules {
    static func validate(_ body: IndicatorBody) -> [FieldError] {
        var errors: [FieldError] = []
        if body.label.trimmed.isEmpty { errors.append(FieldError("label", "is required")) }
        errors += TextRules.problems([
            ("code", body.code, .code), ("label", body.label.trimmed, .line), ("unit", body.unit, .code),
            ("source", body.source, .line),
        ])
        if body.sector.trimmed.isEmpty { errors.append(FieldError("sector", "is required")) }
        if let problem = body.standard?.problem { errors.append(FieldError("standard", problem)) }
        if body.standard != nil && !body.valueType.isNumeric {
            errors.append(
                FieldError("standard", "only numeric indicators are banded; score answers through their options"))
        }
        let options = body.options ?? []
        if [.yesNo, .adequacy, .choice].contains(body.valueType) {
            if options.isEmpty {
                errors.append(
                    FieldError("options", "a \(body.valueType.label.lowercased()) indicator needs its answers"))
            }
            if Set(options.map(\.value)).count != options.count {
                errors.append(FieldError("options", "each answer may appear once"))
            }
        } else if !options.isEmpty {
            errors.append(FieldError("options", "only yes/no, adequacy and choice indicators have answers"))
        }
        return errors
    }
}
