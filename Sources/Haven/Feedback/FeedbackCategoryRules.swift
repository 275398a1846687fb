import Foundation

/// The rules of the categories an operation uses: short unique codes, deadlines that make sense, and a
/// sensitivity that never changes once items use the category (their text was sealed, or not, by it).
enum FeedbackCategoryRules {
    static func check(
        _ body: FeedbackCategoryBody, existing: FeedbackCategory?, takenCodes: Set<String>, itemsUseIt: Bool
    ) -> [FieldError] {
        var errors = TextRules.problems([("label", body.label.trimmed, .name)])
        errors += LocalLabels.problems(body.labels ?? [:], field: "labels")
        let code = body.code.trimmed.uppercased()
        if let existing {
            if code != existing.code {
                errors.append(FieldError("code", "cannot change; archive this category and add a new one"))
            }
            if body.sensitive != existing.sensitive && itemsUseIt {
                errors.append(
                    FieldError(
                        "sensitive", "cannot change once feedback uses this category; add a new category instead"))
            }
        } else if code.isEmpty || code.count > 20
            || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        {
            errors.append(FieldError("code", "use 1 to 20 letters, digits, - or _"))
        } else if takenCodes.contains(code) {
            errors.append(FieldError("code", "\(code) is already a category"))
        }
        if body.label.trimmed.isEmpty { errors.append(FieldError("label", "is required")) }
        if !(1...60).contains(body.acknowledgeDays) {
            errors.append(FieldError("acknowledgeDays", "must be from 1 to 60 days"))
        }
        if !(1...(365 * 24)).contains(body.respondHours) {
            errors.append(FieldError("respondHours", "must be from 1 hour to a year"))
        }
        return errors
    }
}
