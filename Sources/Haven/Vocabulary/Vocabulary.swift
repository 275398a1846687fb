import Foundation

/// Parses a vocabulary value from a code or its label, as people type them in spreadsheets.
protocol Vocabulary: RawRepresentable<String>, CaseIterable {
    var label: String { get }
}

extension Vocabulary {
    init?(loose text: String) {
        if let exact = Self(rawValue: text) {
            self = exact
            return
        }
        let key = text.trimmed.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(
            of: " ", with: "_")
        guard
            let match = Self.allCases.first(where: {
                $0.rawValue == key || $0.label.lowercased() == text.trimmed.lowercased()
            })
        else { return nil }
        self = match
    }

    static var codeList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
