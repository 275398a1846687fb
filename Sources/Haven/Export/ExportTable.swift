import Vapor

/// A table as people download it, written once and served both ways: CSV with a byte-order mark and the HXL
/// hashtag row, and an Excel workbook with the same two heading rows (bold, frozen, with filter buttons),
/// numbers as numbers and dates as dates. Rows arrive batch by batch, so that an export of any size keeps
/// memory flat and starts arriving at once.
struct ExportTable<Row: Sendable>: Sendable {
    struct Column: Sendable {
        /// What a value is, for the workbook: text, or a number or date Excel can add, sort and filter.
        enum Kind: Sendable {
            case text, number, day, month
        }

        var header: String
        var hashtag: String
        var kind: Kind
        var value: @Sendable (Row) -> String

        init(_ header: String, _ hashtag: String, _ kind: Kind = .text, value: @escaping @Sendable (Row) -> String) {
            (self.header, self.hashtag, self.kind, self.value) = (header, hashtag, kind, value)
        }

        /// Wide enough for the header and a typical value, so the sheet opens readable.
        var width: Int {
            let typical =
                switch kind {
                case .text: 16
                case .number: 10
                case .day: 11
                case .month: 8
                }
            return max(header.count, hashtag.count, typical) + 2
        }

        /// The value as a workbook cell: a number or date when it reads as one, else the text as written.
        func cell(_ row: Row) -> WorkbookWriter.Cell {
            let text = value(row)
            guard !text.isEmpty else { return .empty }
            switch kind {
            case .text: return .text(text)
            case .number: return Int(text).map { .number($0) } ?? Double(text).map { .decimal($0) } ?? .text(text)
            case .day: return CalendarDay(text).map { .day($0) } ?? .text(text)
            case .month: return ReportingMonth(text).map { .month($0.firstDay) } ?? .text(text)
            }
        }
    }

    /// Hands the rows to `body` a batch at a time; it throws (a bad filter: 422) before the first batch if it
    /// must, while the response can still say so.
    typealias Rows = @Sendable (_ body: ([Row]) async throws -> Void) async throws -> Void

    /// The sheet's name, and the file's name without its date and extension.
    var name: String
    var filename: String
    var columns: [Column]

    init(name: String, filename: String, columns: [Column]) {
        (self.name, self.filename, self.columns) = (name, filename, columns)
    }

    func csv(_ rows: @escaping Rows) -> Response {
        let columns = columns
        return CSVDownload.response(
            filename: "\(filename)-\(CalendarDay.today()).csv", header: columns.map(\.header),
            hashtags: columns.map(\.hashtag), numeric: columns.map { $0.kind == .number }
        ) { write in
            try await rows { batch in try await write(batch.map { row in columns.map { $0.value(row) } }) }
        }
    }

    /// The sheet's column widths and its two heading rows.
    var layout: WorkbookWriter.Layout { .init(widths: columns.map(\.width), headingRows: 2) }

    func xlsx(_ rows: Rows, on req: Request) async throws -> Response {
        try await WorkbookWriter.download(
            sheetName: name, layout: layout,
            filename: "\(filename)-\(CalendarDay.today()).xlsx", on: req
        ) { workbook in
            appendHeadings(to: workbook)
            try await rows { batch in
                for row in batch { workbook.append(columns.map { $0.cell(row) }) }
            }
        }
    }

    /// The header row and the HXL row, as every export and template opens.
    func appendHeadings(to workbook: WorkbookWriter) {
        workbook.append(columns.map { .text($0.header) })
        workbook.append(columns.map { .text($0.hashtag) })
    }

    /// Both files of the table at `address`, each answering with the rows `rows` reads for the request.
    func register(
        _ address: Download, on routes: any RoutesBuilder,
        rows: @escaping @Sendable (Request) async throws -> Rows
    ) {
        Self.register(address, on: routes) { req in (self, try await rows(req)) }
    }

    /// Both files of a table whose columns depend on the data (the monitoring catalogue's indicators).
    static func register(
        _ address: Download, on routes: any RoutesBuilder,
        _ prepare: @escaping @Sendable (Request) async throws -> (ExportTable, Rows)
    ) {
        routes.get(address.csv.below(Paths.api)) { req in
            let (table, rows) = try await prepare(req)
            return table.csv(rows)
        }
        routes.get(address.workbook.below(Paths.api)) { req in
            let (table, rows) = try await prepare(req)
            return try await table.xlsx(rows, on: req)
        }
    }

    /// Every row at once, for a file built whole (the open-data package).
    static func collect(_ rows: Rows) async throws -> [Row] {
        var all: [Row] = []
        try await rows { all += $0 }
        return all
    }

    /// Rows already in memory (a page's small table), handed over as one batch.
    static func all(_ rows: [Row]) -> Rows {
        { body in try await body(rows) }
    }
}
