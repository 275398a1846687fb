/// Sector severities stored as `CCCM=5|WASH=3`: gap analysis reads them for every site at once,
/// and this is many times cheaper to read than JSON. Sector names never hold `=` or `|`.
enum SectorSeverities {
    static func encode(_ sectors: [String: Severity]) -> String {
        sectors.sorted { $0.key < $1.key }.map { "\(clean($0.key))=\($0.value.rawValue)" }.joined(separator: "|")
    }

    /// Reads bytes rather than splitting strings: at 5,000 sites this was a fifth of gap analysis.
    static func decode(_ text: String) -> [String: Severity] {
        var sectors: [String: Severity] = [:]
        var rest = text.utf8[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "|")) ?? rest.endIndex
            let pair = rest[..<end]
            if let equals = pair.lastIndex(of: UInt8(ascii: "=")),
                let severity = severity(pair[pair.index(after: equals)...])
            {
                sectors[String(decoding: pair[..<equals], as: UTF8.self)] = severity
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return sectors
    }

    private static func severity(_ digits: Substring.UTF8View.SubSequence) -> Severity? {
        guard digits.count == 1, let digit = digits.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else {
            return nil
        }
        return Severity(rawValue: Int(digit - UInt8(ascii: "0")))
    }

    private static func clean(_ sector: String) -> String {
        sector.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "=", with: "-")
    }
}
