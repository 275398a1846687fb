import Foundation

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
public enum CSV {
    /// Splits text into rows of fields. A UTF-8 byte-order mark and a final line break are ignored; a blank
    /// line is a row of one empty field, so that row numbers stay those a person sees in their spreadsheet.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var rowHasContent = false
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }

        func endField() { row.append(field); field = ""; afterQuote = false }
        func endRow() {
            endField()
            rows.append(row)
            row = []
            rowHasContent = false
        }

        for char in chars {
            if inQuotes {
                if char == "\"" { inQuotes = false; afterQuote = true } else { field.append(char) }
                continue
            }
            switch char {
            case "\"":
                if afterQuote { field.append("\"") }
                inQuotes = true
                rowHasContent = true
            case ",":
                endField()
            case "\n", "\r\n", "\r":
                endRow()
            default:
                afterQuote = false
                field.append(char)
            }
        }
        if inQuotes || !field.isEmpty || !row.isEmpty || rowHasContent { endRow() }
        return rows
    }

    /// One CSV line (without line break), quoting only where needed.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
