import Fluent
import Vapor

/// The rules of the activity catalogue: codes are short and unique, sectors those of the response. A code
/// and its sector are what 5W lines carry, so they never change; a wrong one is archived and added anew.
enum ActivityTypeRules {
    static func check(_ body: ActivityTypeBody, existing: ActivityType?, takenCodes: Set<String>) -> [FieldError] {
        var errors = TextRules.problems([("name", body.name.trimmed, .name)])
        let code = body.code.trimmed.uppercased()
        if let existing {
            if code != existing.code {
                errors.append(
                    FieldError("code", "cannot change (5W lines carry it); archive this activity and add a new one"))
            }
            if body.sector != existing.sector {
                errors.append(
                    FieldError("sector", "cannot change (5W lines carry it); archive this activity and add a new one"))
            }
        } else {
            if code.isEmpty || code.count > 20
                || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            {
                errors.append(FieldError("code", "use 1 to 20 letters, digits, - or _, e.g. WASH-08"))
            } else if takenCodes.contains(code) {
                errors.append(FieldError("code", "\(code) is already in the catalogue"))
            }
            if ResponseSector.named(body.sector) == nil {
                errors.append(
                    FieldError(
                        "sector",
                        "'\(body.sector)' is not a sector of the response; use one of \(ResponseSector.all.map(\.code).joined(separator: ", "))"
                    ))
            }
        }
        if body.name.trimmed.isEmpty { errors.append(FieldError("name", "is required")) }
        return errors
    }
}
