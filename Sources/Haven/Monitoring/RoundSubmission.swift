import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A filled-in monitoring form as ODK sends it, read into a round.
struct RoundSubmission: Equatable {
    var formID: String
    var instanceID: String
    var siteCode: String
    var input: RoundInput

    /// Reads the XML; every problem is named, and nothing is guessed.
    static func parse(_ data: Data, catalogue: [IndicatorBody]) throws -> RoundSubmission {
        let read = try ODKSubmission.read(data)
        let formID = read.formID
        var errors: [FieldError] = []
        if formID != MonitoringXForm.formID {
            errors.append(FieldError("form", "'\(formID)' is not a Haven form; expected \(MonitoringXForm.formID)"))
        }
        let values = read.values
        let (instanceID, site) = read.identity(&errors)
        let day = CalendarDay(values["conducted_on"] ?? "")
        if day == nil {
            errors.append(
                FieldError("conducted_on", "'\(values["conducted_on"] ?? "")' is not a date in the form yyyy-mm-dd"))
        }
        var answers: [String: Answer] = [:]
        let byCode = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.code, $0) })
        for (name, raw) in values
        where !raw.isEmpty && !["site", "conducted_on", "key_informants", "meta/instanceID"].contains(name) {
            guard let indicator = byCode[name] else {
                errors.append(FieldError(name, "is not a question of the catalogue"))
                continue
            }
            if indicator.valueType.isNumeric {
                guard let number = Double(raw) else {
                    errors.append(FieldError(name, "'\(raw)' is not a number"))
                    continue
                }
                answers[name] = .number(number)
            } else {
                answers[name] = .text(raw)
            }
        }
        try HavenError.check(errors)
        let informants = (values["key_informants"] ?? "").split(separator: ";").map { String($0).trimmed }
        return RoundSubmission(
            formID: formID, instanceID: instanceID, siteCode: site,
            input: RoundInput(conductedOn: day!, keyInformants: informants, values: answers))
    }
}
