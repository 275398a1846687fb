import Foundation

enum FeedbackRules {
    /// Why the input cannot be recorded, field by field.
    static func check(_ input: FeedbackInput, categoryKnown: Bool, now: Date) -> [FieldError] {
        var errors: [FieldError] = []
        if !categoryKnown {
            errors.append(
                FieldError(
                    "category",
                    "'\(input.category.prefix(40))' is not a feedback category; see /api/v1/feedback-categories"))
        }
        let text = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(FieldError("description", "is required: what did the person say?")) }
        errors += TextRules.problems([("description", text, .note), ("contact", input.contact, .line)])
        if (input.contact ?? "").trimmingCharacters(in: .whitespaces).isEmpty == false && !input.consentToContact {
            errors.append(FieldError("contact", "keep a contact only when the person agrees to be contacted"))
        }
        if let received = input.receivedAt, received > now.addingTimeInterval(300) {
            errors.append(FieldError("receivedAt", "is in the future"))
        }
        if let sector = input.sector, !sector.isEmpty, ResponseSector.named(sector) == nil {
            errors.append(FieldError("sector", "'\(sector)' is not a sector of the response"))
        }
        return errors
    }
}
