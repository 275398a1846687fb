import Foundation

/// A spreadsheet as imports see it: a header row, an optional HXL hashtag row, then data rows
/// that keep the line number a person sees in their spreadsheet.
struct Table {
    struct Row {
        /// 1-based, counting the header (and hashtag) rows, as in a spreadsheet.
        var line: Int
        var cells: [String]
    }

    var headers: [String]
    var hashtags: [String]?
    var rows: [Row]

    init(csv text: String) throws {
        var all: [[String]]
        do { all = try CSV.parse(text, limits: TableLimits.csv) } catch {
            throw HavenError.badRequest(
                "The file is too large to import: \(error.reason). Split it into smaller files.")
        }
        guard !all.isEmpty else {
            throw HavenError.badRequest("The file is empty: it needs a header row and at least one row of data.")
        }
        headers = all.removeFirst().map(\.trimmed)
        var firstLine = 2
        if let next = all.first, Self.isHashtagRow(next) {
            hashtags = all.removeFirst().map { $0.trimmed.lowercased() }
            firstLine = 3
        }
        rows = all.enumerated().compactMap { index, cells in
            cells.allSatisfy { $0.trimmed.isEmpty } ? nil : Row(line: firstLine + index, cells: cells)
        }
    }

    /// An uploaded file as CSV text, whichever form it came in: a workbook's first sheet is turned into
    /// CSV so that staging, preview and commit all read one format.
    static func csvText(of data: Data) throws -> String {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try Workbook.rows(data).map(CSV.line).joined(separator: "\r\n")
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw HavenError.badRequest(
                "This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV UTF-8.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HavenError.badRequest(
                "The file is neither an Excel workbook (.xlsx) nor UTF-8 text. Save it from your spreadsheet as .xlsx or 'CSV UTF-8'."
            )
        }
        return text
    }

    static func isHashtagRow(_ cells: [String]) -> Bool {
        let filled = cells.map(\.trimmed).filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { $0.hasPrefix("#") }
    }

    /// Which column holds each field: by HXL hashtag first (attributes in any order), then by header name.
    func columns(for fields: [ImportField]) -> [String: Int] {
        var found: [String: Int] = [:]
        for field in fields {
            if let tags = hashtags, let index = tags.firstIndex(where: { field.matches(hashtag: $0) }) {
                found[field.name] = index
            } else if let index = headers.firstIndex(where: { field.matches(header: $0) }) {
                found[field.name] = index
            }
        }
        return found
    }
}

/// A column an import understands, with the header names and HXL hashtag people use for it.
struct ImportField {
    var name: String
    var headers: [String]
    var hashtag: String?
    var required = false

    func matches(header: String) -> Bool {
        let key = Self.normalise(header)
        return key == Self.normalise(name) || headers.contains { Self.normalise($0) == key }
    }

    /// `#adm1+code` matches `#adm1 +code` and `#adm1+code+v_pcode`; attributes may come in any order.
    func matches(hashtag tag: String) -> Bool {
        guard let hashtag else { return false }
        let want = Self.hxlParts(hashtag)
        let have = Self.hxlParts(tag)
        return want.tag == have.tag && want.attributes.isSubset(of: have.attributes)
    }

    static func hxlParts(_ text: String) -> (tag: String, attributes: Set<String>) {
        let parts = text.lowercased().replacingOccurrences(of: " ", with: "").split(separator: "+").map(String.init)
        return (parts.first ?? "", Set(parts.dropFirst()))
    }

    static func normalise(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// One reason one row of a file was refused: the row and column a person can find in their spreadsheet.
struct RowError: Equatable, Codable, Sendable {
    var line: Int
    var column: String
    var message: String

    var sentence: String { "Row \(line), \(column): \(message)" }
}

/// What an import would do, shown before anything is written.
struct ImportPreview: Codable, Sendable {
    var rows = 0
    var creates = 0
    var updates = 0
    var unchanged = 0
    var errors: [RowError] = []
    /// Accepted, but worth a look before confirming.
    var warnings: [RowError] = []
    var missingColumns: [String] = []

    var canCommit: Bool { errors.isEmpty && missingColumns.isEmpty && rows > 0 }
}
