import Fluent
import Plot
import Vapor

/// The indicator form's fields: wording, then either the standard's four cut points or a severity per answer.
enum IndicatorForm {
    static func values(_ body: IndicatorBody) -> [String: String] {
        var values = ["label": body.label, "sector": body.sector, "unit": body.unit, "source": body.source ?? ""]
        if let bands = body.standard {
            values["comparison"] = bands.comparison.rawValue
            for (index, cut) in bands.cuts.enumerated() { values["cut\(index)"] = String(cut) }
        }
        for option in body.options ?? [] {
            values["severity.\(option.value)"] = option.severity.map { String($0.rawValue) } ?? ""
        }
        return values
    }

    static func body(from values: [String: String], for current: IndicatorBody) throws -> IndicatorBody {
        var body = current
        var reader = FieldReader(values: values)
        body.label = values["label"] ?? ""
        body.sector = values["sector"] ?? ""
        body.unit = values["unit"] ?? ""
        body.source = values["source"]
        if current.valueType.isNumeric {
            let cuts = (0..<4).map { reader.double("cut\($0)") }
            if cuts.allSatisfy({ $0 == nil }) {
                body.standard = nil
            } else if cuts.contains(where: { $0 == nil }) {
                reader.fail("standard", "give all four cut points, or none to leave the indicator unscored")
            } else {
                body.standard = SeverityBands(
                    comparison: Comparison(rawValue: values["comparison"] ?? "") ?? .atMost, cuts: cuts.map { $0! })
            }
        }
        body.options = current.options?.map { option in
            var option = option
            option.severity = (values["severity.\(option.value)"]).flatMap(Int.init).flatMap(Severity.init(rawValue:))
            return option
        }
        try HavenError.check(reader.errors)
        return body
    }
}
