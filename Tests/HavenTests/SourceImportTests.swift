import Foundation
import Testing

/// A debug build lets a file use Foundation's types through another module's import; a release build does not,
/// and `swift build -c release` (the benchmark, a deployment) failed on seven files that did. Every file that
/// names one of Foundation's types imports Foundation (or Vapor, which brings it).
@Suite struct SourceImportTests {
    @Test func everyFileNamingFoundationTypesImportsFoundation() throws {
        let sources = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let uses = /\b(UUID|Date|Data|URL|JSONDecoder|JSONEncoder|FileManager|TimeInterval|CharacterSet)\b/
        let imports = /(?m)^import (Foundation|Vapor)$/
        var missing: [String] = []
        var read = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            read += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            // Comments may say "Data" or "Date" in words.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            if code.contains(where: { $0.contains(uses) }) && !text.contains(imports) {
                missing.append(file.lastPathComponent)
            }
        }
        #expect(read > 100)
        #expect(missing.isEmpty, "name Foundation's types without importing it: \(missing)")
    }
}
