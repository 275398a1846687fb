import Foundation

/// What every text a person or a file sends must be: bounded, free of control characters and of the hidden
/// direction controls that make text read differently from what it holds, and (for names and codes)
/// visible. Field rules call `problem`; `JSONBodies` and `FormTexts` apply the bounds every text shares to
/// whole bodies, so that no field, present or future, takes more.
enum TextRules {
    enum Kind: Sendable {
        /// Codes and short labels: a site code, an acronym.
        case code
        /// What a record is called: a site, an organisation, a person.
        case name
        /// A line of text: an indicator's wording, a place.
        case line
        /// What people write at length: notes, descriptions, answers.
        case note
        /// A whole document in Markdown: a month's situation report.
        case document

        var limit: Int {
            switch self {
            case .code: 40
            case .name: 200
            case .line: 500
            case .note: 5_000
            case .document: 50_000
            }
        }
    }

    /// The most any text field takes: the longest document.
    static let largest = Kind.document.limit

    /// Why a text is refused, or nil; empty text is left to the field's own rule (required or not).
    static func problem(_ text: String, _ kind: Kind) -> String? {
        if text.count > kind.limit { return "is longer than \(Format.number(kind.limit)) characters" }
        if let problem = hidden(text, lineBreaks: kind == .note || kind == .document) { return problem }
        if [.code, .name].contains(kind), !text.isEmpty, !text.unicodeScalars.contains(where: isVisible) {
            return "holds no visible character"
        }
        return nil
    }

    /// The problems of several fields at once: `(field, text, kind)`, absent texts skipped.
    static func problems(_ fields: [(String, String?, Kind)]) -> [FieldError] {
        fields.compactMap { field, text, kind in text.flatMap { problem($0, kind) }.map { FieldError(field, $0) } }
    }

    /// Control characters (line breaks and tabs allowed where asked) and direction overrides.
    static func hidden(_ text: String, lineBreaks: Bool) -> String? {
        for scalar in text.unicodeScalars {
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                return
                    "holds hidden direction controls (U+\(String(scalar.value, radix: 16, uppercase: true))); type the text again without them"
            }
            if scalar.properties.generalCategory == .control, !(lineBreaks && ["\n", "\r", "\t"].contains(scalar)) {
                return
                    "holds a control character (U+\(String(format: "%04X", scalar.value))); type the text again without it"
            }
        }
        return nil
    }

    /// Checks every text of a body: at most `largest` characters, no control characters but line breaks and
    /// tabs, no direction overrides. Each problem names the field by its path (`targeted.comment`, `items.2`).
    static func bodyProblems(_ value: Any, path: String = "") -> [FieldError] {
        switch value {
        case let text as String:
            if text.count > largest { return [FieldError(path, "is longer than \(Format.number(largest)) characters")] }
            return hidden(text, lineBreaks: true).map { [FieldError(path, $0)] } ?? []
        case let object as [String: Any]:
            return object.sorted { $0.key < $1.key }.flatMap { key, nested in
                (key.count > 200 ? [FieldError(String(key.prefix(40)), "is not a field name")] : [])
                    + bodyProblems(nested, path: path.isEmpty ? key : path + "." + key)
            }
        case let array as [Any]:
            return array.enumerated().flatMap { bodyProblems($1, path: path + "." + String($0)) }
        default:
            return []
        }
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber,
            .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
