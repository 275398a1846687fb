import Fluent
import Foundation

/// A capability's table in the open-data package: what it holds, for everyone, without personal data, and with
/// counts of people too small to publish suppressed. Each capability answers for its own table and takes one line
/// in `OpenDataTables.all`.
protocol OpenDataTable: Sendable {
    /// The file's name in the package: `sites.csv`.
    static var name: String { get }
    static var title: String { get }
    /// What the rows are, for the metadata and the page.
    static var summary: String { get }
    static func file(_ context: OpenDataContext) async throws -> OpenDataFile
}

struct OpenDataContext: Sendable {
    var db: any Database
    var today: CalendarDay
    /// Counts of people below this are left empty.
    var smallCellThreshold: Int
}

/// One CSV of the package: its rows as text under a header and an HXL row, and what the metadata says of it.
struct OpenDataFile: Sendable {
    var name: String
    var title: String
    var description: String
    var header: [String]
    var hashtags: [String]
    var rows: [[String]]
    /// The columns written as they are (numbers); every other field is neutralised against spreadsheet formulas.
    var numeric: [Bool]
    /// The first and last day the rows speak of, for the package's date range.
    var from: CalendarDay?
    var to: CalendarDay?

    init<Row>(
        _ source: any OpenDataTable.Type, table: ExportTable<Row>, rows: [Row], from: CalendarDay? = nil,
        to: CalendarDay? = nil
    ) {
        name = source.name
        title = source.title
        description = source.summary
        header = table.columns.map(\.header)
        hashtags = table.columns.map(\.hashtag)
        self.rows = rows.map { row in table.columns.map { $0.value(row) } }
        numeric = table.columns.map { $0.kind == .number }
        self.from = from
        self.to = to
    }

    /// Counts of people in these columns below the threshold made empty: each on its own, or (`together`) as
    /// one breakdown per row, where a cell that could be worked out from the others is suppressed with them.
    mutating func suppress(_ columns: [String], threshold: Int, together: Bool = false) {
        let indices = columns.compactMap { header.firstIndex(of: $0) }
        for row in rows.indices {
            let counts = indices.map { Int(rows[row][$0]) }
            if together {
                let shown = Disclosure.row(counts.map { $0 ?? 0 }, threshold: threshold).cells
                for (position, index) in indices.enumerated() where counts[position] != nil {
                    rows[row][index] = shown[position].map(String.init) ?? ""
                }
            } else {
                for (index, count) in zip(indices, counts) {
                    guard let count else { continue }
                    rows[row][index] = Disclosure.shown(count, threshold: threshold).map(String.init) ?? ""
                }
            }
        }
    }

    /// The file as HDX and spreadsheets read it: UTF-8 with a byte-order mark, header, HXL row, rows.
    var csv: String {
        "\u{FEFF}"
            + ([header, hashtags].map(CSV.line) + rows.map { CSV.exportLine($0, numeric: numeric) })
            .map { $0 + "\r\n" }.joined()
    }

}
