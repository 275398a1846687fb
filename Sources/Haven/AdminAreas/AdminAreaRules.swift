import Foundation

/// The rules of a well-formed gazetteer, as plain functions over values.
enum AdminAreaRules {
    static let levels = 0...4

    static func validate(pcode: String, name: String, level: Int, parent: (pcode: String, level: Int)?) -> [FieldError]
    {
        var errors: [FieldError] = []
        if let problem = pcodeProblem(pcode) { errors.append(FieldError("pcode", problem)) }
        if name.trimmed.isEmpty { errors.append(FieldError("name", "is required")) }
        errors += TextRules.problems([("name", name.trimmed, .name)])
        if !levels.contains(level) { errors.append(FieldError("level", "must be between 0 and 4")) }
        if let parent {
            if parent.level != level - 1 {
                errors.append(
                    FieldError(
                        "parent", "is admin \(parent.level); an admin \(level) area needs an admin \(level - 1) parent")
                )
            }
            if !pcode.hasPrefix(parent.pcode) {
                errors.append(FieldError("pcode", "\(pcode) must start with its parent's P-code \(parent.pcode)"))
            }
        } else if level > 0 {
            errors.append(FieldError("parent", "is required for an admin \(level) area"))
        }
        return errors
    }

    /// P-codes are letters and digits, with the dashes or underscores some countries use.
    static func pcodeProblem(_ pcode: String) -> String? {
        if pcode.isEmpty { return "is required" }
        if pcode.count > 30 { return "is longer than 30 characters" }
        let allowed = pcode.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        return allowed ? nil : "may hold only letters, digits, - and _"
    }
}

extension String {
    /// Without the white space (spaces, tabs, line breaks) at either end. Written over Unicode scalars: imports
    /// trim every cell, and Foundation's trimming goes through NSString.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
