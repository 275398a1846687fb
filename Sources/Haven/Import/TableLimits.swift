/// How big a table an import reads, whatever its form: beyond these a file is refused with a sentence
/// saying which bound it passed, before anything is held for it. Excel's own sheet is 1,048,576 rows by
/// 16,384 columns; Haven's imports need far fewer rows, and bounding the cells bounds the memory.
enum TableLimits {
    static let rows = 200_000
    static let columns = 16_384
    /// Cells held, counting the empty ones a sparse sheet fills in: about 80 MB of text at most.
    static let cells = 4_000_000
    /// Excel's own limit of characters in one cell.
    static let cellCharacters = 32_767

    /// The same bounds for CSV text; a header and a hashtag row come on top of the data rows.
    static let csv = CSV.Limits(rows: rows + 2, fieldsPerRow: columns, fields: cells, fieldCharacters: cellCharacters)

    static func tooManyRows(_ seen: Int) -> String {
        "it has a row numbered \(seen), past the \(rows.formatted) rows Haven imports"
    }
    static let tooManyColumns = "a cell reference is damaged or past column XFD, Excel's last"
    static let tooManyCells = "it has more than \(cells.formatted) cells"
    static let cellTooLong = "a cell holds more than \(cellCharacters.formatted) characters, Excel's limit"
}

extension Int {
    fileprivate var formatted: String { Format.number(self) }
}
