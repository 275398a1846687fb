import Foundation

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
public enum CSV {
    /// How much one text may hold; parsing stops at the first bound passed, with the reason.
    public struct Limits: Sendable {
        public var rows: Int
        public var fieldsPerRow: Int
        public var fields: Int
        public var fieldCharacters: Int
    }

    public struct TooLarge: Error, Sendable {
        public var reason: String
    }

    /// Splits text into rows of fields. A UTF-8 byte-order mark and a final line break are ignored; a blank
    /// line is a row of one empty field, so that row numbers stay those a person sees in their spreadsheet.
    public static func parse(_ text: String, limits: Limits) throws(TooLarge) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var rowHasContent = false
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }

        var fieldCount = 0
        var fieldLength = 0
        func endField() throws(TooLarge) {
            fieldCount += 1
            guard row.count < limits.fieldsPerRow else {
                throw TooLarge(reason: "row \(rows.count + 1) has more than \(limits.fieldsPerRow) columns")
            }
            guard fieldCount <= limits.fields else { throw TooLarge(reason: "it has more than \(limits.fields) cells") }
            row.append(field)
            field = ""
            afterQuote = false
            fieldLength = 0
        }
        func endRow() throws(TooLarge) {
            try endField()
            guard rows.count < limits.rows else { throw TooLarge(reason: "it has more than \(limits.rows) rows") }
            rows.append(row)
            row = []
            rowHasContent = false
        }
        func append(_ char: Character) throws(TooLarge) {
            fieldLength += 1
            guard fieldLength <= limits.fieldCharacters else {
                throw TooLarge(
                    reason: "a cell in row \(rows.count + 1) holds more than \(limits.fieldCharacters) characters")
            }
            field.append(char)
        }

        for char in chars {
            if inQuotes {
                if char == "\"" {
                    inQuotes = false
                    afterQuote = true
                } else {
                    try append(char)
                }
                continue
            }
            switch char {
            case "\"":
                if afterQuote { try append("\"") }
                inQuotes = true
                rowHasContent = true
            case ",":
                try endField()
            case "\n", "\r\n", "\r":
                try endRow()
            default:
                afterQuote = false
                try append(char)
            }
        }
        if inQuotes || !field.isEmpty || !row.isEmpty || rowHasContent { try endRow() }
        return rows
    }

    /// One line of an export. A text cell that a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, as OWASP advises: a site named
    /// `=HYPERLINK(…)` must reach Excel as text. Numeric columns are written as they are.
    public static func exportLine(_ fields: [String], numeric: [Bool] = []) -> String {
        line(
            fields.enumerated().map { index, field in
                index < numeric.count && numeric[index] ? field : neutralised(field)
            })
    }

    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// One CSV line (without line break), quoting only where needed.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    static func quote(_ field: String) -> String {
        // Bytes, not characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard
            field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
