import Foundation

/// What an operation calls one of its own records (a complaint category, later services, activities, indicators)
/// in each of its languages, beside the label as written: `{"fr": "…", "ar": "…"}`. A language without its own
/// label shows the label as written.
struct LocalLabels: Sendable, Equatable {
    var byLanguage: [String: String]

    init(_ byLanguage: [String: String] = [:]) { self.byLanguage = byLanguage }

    /// Labels as stored; nothing when the stored text cannot be read.
    init(stored text: String) {
        byLanguage = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(byLanguage)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    func label(in language: String, otherwise written: String) -> String {
        byLanguage[language].flatMap { $0.trimmed.isEmpty ? nil : $0 } ?? written
    }

    /// The labels as the audit trail shows them: `ar: …; fr: …`.
    var auditText: String {
        byLanguage.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }

    static let maxLanguages = 20

    /// Language codes as the wording files name them (`fr`, `so`, `pt-br`) and each label a name's length.
    static func problems(_ labels: [String: String], field: String) -> [FieldError] {
        if labels.count > maxLanguages {
            return [FieldError(field, "gives more than \(maxLanguages) languages")]
        }
        var errors: [FieldError] = []
        for (code, label) in labels.sorted(by: { $0.key < $1.key }) {
            guard (2...8).contains(code.count), code.allSatisfy({ ($0.isASCII && $0.isLowercase) || $0 == "-" }) else {
                errors.append(FieldError(field, "'\(code.prefix(20))' is not a language code such as fr or ar"))
                continue
            }
            errors += TextRules.problems([("\(field).\(code)", label.trimmed, .name)])
        }
        return errors
    }
}
