import Foundation
import Testing

/// Plot writes attribute values exactly as given, so a value that can hold text from outside must go through
/// `MarkupText` (`.value(escaping:)`, `MarkupText.escaped`). This reads the sources for the two ways of
/// writing one and fails on any whose value is not a literal and not escaped; `textFromOutsideNeverBecomesMarkup`
/// proves the pages themselves.
@Suite struct RenderingSafetyTests {
    @Test func everyAttributeValueFromOutsideIsEscaped() throws {
        let sources = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Sources/Haven")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let rawValue = /[(,\s]\.value\((?!escaping:|"[^"\\]*"\))/
        let rawAttribute = /attribute\(named: "[^"]*", value: (?!"[^"\\]*"[,)]|MarkupText\.escaped\(|name[,)])/
        var unescaped: [String] = []
        var read = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            read += 1
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false
            ).enumerated()
            where line.contains(rawValue) || line.contains(rawAttribute) {
                unescaped.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        #expect(read > 100)
        #expect(unescaped.isEmpty, "attribute values written unescaped: \(unescaped)")
    }
}
