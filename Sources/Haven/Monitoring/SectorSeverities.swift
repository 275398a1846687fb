/// Sector severities stored as `CCCM=5|WASH=3`: gap analysis reads them for every site at once,
/// and this is many times cheaper to read than JSON. Sector names never hold `=` or `|`.
enum SectorSeverities {
    static func encode(_ sectors: [String: Severity]) -> String {
        sectors.sorted { $0.key < $1.key }.map { "\(clean($0.key))=\($0.value.rawValue)" }.joined(separator: "|")
    }

    static func decode(_ text: String) -> [String: Severity] {
        var sectors: [String: Severity] = [:]
        for pair in text.split(separator: "|") {
            guard let equals = pair.lastIndex(of: "="), let value = Int(pair[pair.index(after: equals)...]),
                  let severity = Severity(rawValue: value) else { continue }
            sectors[String(pair[..<equals])] = severity
        }
        return sectors
    }

    private static func clean(_ sector: String) -> String {
        sector.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "=", with: "-")
    }
}
