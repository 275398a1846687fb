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
    private var cellsHeld = 0

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

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "row":
            let number = attributes["r"].map(Self.rowNumber) ?? rowNumber + 1
            guard let number, number > rowNumber, number <= TableLimits.rows else {
                return stop(
                    parser,
                    number.map { $0 > TableLimits.rows } == true
                        ? TableLimits.tooManyRows(number ?? 0) : "its row numbers are damaged or out of order")
            }
            rowNumber = number
            row = []
        case "c":
            guard let column = attributes["r"].map(Self.column) ?? row.count, column < TableLimits.columns else {
                return stop(parser, TableLimits.tooManyColumns)
            }
            cell = (column, attributes["t"], attributes["s"].flatMap(Int.init) ?? 0)
            value = ""
        case "v", "t":
            inValue = cell != nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inValue else { return }
        value += string
        if value.utf8.count > TableLimits.cellCharacters * 4 { stop(parser, TableLimits.cellTooLong) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t":
            inValue = false
        case "c":
            guard let cell else { return }
            if row.count <= cell.column {
                cellsHeld += cell.column - row.count + 1
                guard cellsHeld <= TableLimits.cells else { return stop(parser, TableLimits.tooManyCells) }
                row += Array(repeating: "", count: cell.column - row.count + 1)
            }
            let shown = text(value, type: cell.type, style: cell.style)
            guard shown.count <= TableLimits.cellCharacters else { return stop(parser, TableLimits.cellTooLong) }
            row[cell.column] = shown
            self.cell = nil
        case "row":
            // Rows skipped in the sheet stay as empty rows (no storage of their own), so numbers match Excel's.
            while rows.count < rowNumber - 1 { rows.append([]) }
            rows.append(row)
        default:
            break
        }
    }

    /// Ends reading at the first bound passed: nothing more is parsed or held.
    private func stop(_ parser: XMLParser, _ why: String) {
        if failure == nil { failure = Workbook.unreadable(why) }
        inValue = false
        cell = nil
        parser.abortParsing()
    }

    /// What Excel shows for a cell's stored value.
    private func text(_ raw: String, type: String?, style: Int) -> String {
        switch type {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
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
    /// 29 February 1900 only shifts days before March 1900, which no site data has). Counts outside
    /// Excel's own dates (1900-9999) are shown as the number they are.
    static func day(serial: Double, date1904: Bool) -> String {
        guard serial >= 0, serial < 2_958_466 else { return number(serial) }
        let daysSince1970 = serial.rounded(.down) + (date1904 ? 1462 : 0) - 25569
        let day = CalendarDay(Date(timeIntervalSince1970: daysSince1970 * 86_400))
        return day == .latest || day == .earliest ? number(serial) : day.description
    }

    /// `AB12` → 27 (0-based column); nil when the letters go past Excel's last column, XFD.
    static func column(_ reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars.prefix(4) {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            column = column * 26 + Int(scalar.value) - 64
        }
        guard column > 0, column <= TableLimits.columns else { return nil }
        return column - 1
    }

    /// A row's `r` attribute: a whole number from 1, at most a few digits, never trusted further.
    static func rowNumber(_ text: String) -> Int? {
        guard (1...9).contains(text.count), text.allSatisfy(\.isASCIIDigit), let number = Int(text), number >= 1 else {
            return nil
        }
        return number
    }
}
