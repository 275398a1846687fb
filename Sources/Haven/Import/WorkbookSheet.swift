import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one worksheet's cells into rows of text, placed by their references (`B7`), gaps kept.
final class SheetReader: NSObject, XMLParserDelegate {
    private let strings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool
    private var rows: [[String]] = []
    private var row: [String] = []
    private var rowNumber = 0
    private var cell: (column: Int, type: String?, style: Int)?
    private var value = ""
    private var inValue = false
    private var failure: HavenError?

    private init(strings: [String], dateStyles: [Bool], date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    static func read(_ data: Data, strings: [String], dateStyles: [Bool], date1904: Bool) throws -> [[String]] {
        let reader = SheetReader(strings: strings, dateStyles: dateStyles, date1904: date1904)
        let parsed = XMLParser.read(data, with: reader)
        if let failure = reader.failure { throw failure }
        guard parsed else { throw Workbook.unreadable("its first worksheet is damaged") }
        return reader.rows
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            row = []
        case "c":
            let column = attributes["r"].flatMap(Self.column) ?? row.count
            cell = (column, attributes["t"], attributes["s"].flatMap(Int.init) ?? 0)
            value = ""
        case "v", "t":
            inValue = cell != nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t":
            inValue = false
        case "c":
            guard let cell else { return }
            if row.count <= cell.column { row += Array(repeating: "", count: cell.column - row.count + 1) }
            row[cell.column] = text(value, type: cell.type, style: cell.style)
            self.cell = nil
        case "row":
            while rows.count < rowNumber - 1 { rows.append([""]) }
            rows.append(row.isEmpty ? [""] : row)
        default:
            break
        }
    }

    /// What Excel shows for a cell's stored value.
    private func text(_ raw: String, type: String?, style: Int) -> String {
        switch type {
        case "s":
            guard let index = Int(raw), strings.indices.contains(index) else {
                failure = Workbook.unreadable("a cell refers to a missing shared string")
                return ""
            }
            return strings[index]
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        case "d": return String(raw.prefix(10))
        case "str", "inlineStr", "e": return raw
        default:
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)) else { return raw }
            if style < dateStyles.count, dateStyles[style] { return Self.day(serial: number, date1904: date1904) }
            return Self.number(number)
        }
    }

    /// Whole numbers without ".0"; others in their shortest exact form.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A day count as a calendar day. The 1900 system counts from 30 December 1899 (Excel's phantom
    /// 29 February 1900 only shifts days before March 1900, which no site data has).
    static func day(serial: Double, date1904: Bool) -> String {
        let daysSince1970 = serial.rounded(.down) + (date1904 ? 1462 : 0) - 25569
        let date = Date(timeIntervalSince1970: daysSince1970 * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// `AB12` → 27 (0-based column).
    static func column(_ reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            column = column * 26 + Int(scalar.value) - 64
        }
        return column > 0 ? column - 1 : nil
    }
}
