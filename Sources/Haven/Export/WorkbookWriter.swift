import Foundation
import ZIPFoundation

/// Writes an Excel workbook (.xlsx) row by row to a file, so that a sheet of any length never sits in
/// memory: rows go to the first sheet's XML on disk, which is then packed with the other parts. Small
/// reference sheets (lists to pick from) can follow it. The first sheet's heading rows are bold, stay in
/// view when scrolling and carry the filter buttons; dates are real dates, so they sort and filter as dates.
final class WorkbookWriter {
    enum Cell {
        case text(String)
        case number(Int)
        case decimal(Double)
        /// A day, shown as 2026-12-01.
        case day(CalendarDay)
        /// A reporting month, stored as its first day and shown as 2026-12.
        case month(CalendarDay)
        case empty
    }

    /// How the first sheet opens: its column widths (in characters) and how many heading rows it has.
    struct Layout {
        var widths: [Int] = []
        var headingRows = 0
    }

    /// Where the sheet and the workbook are written; removed by `discard()`.
    let directory: URL
    private let sheet: FileHandle
    private var rowNumber = 0
    private let sheetName: String
    private let layout: Layout
    private var columnCount = 0
    /// Further sheets, each a name and its rows' XML.
    private var extraSheets: [(name: String, xml: String)] = []

    init(sheetName: String, layout: Layout = Layout()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("sheet1.xml")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        sheet = try FileHandle(forWritingTo: path)
        self.sheetName = sheetName
        self.layout = layout
        sheet.write(
            Data(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(Self.main)\">"
                    + Self.views(layout) + "<sheetData>").utf8))
    }

    /// The frozen heading rows and the column widths, which the sheet's XML must give before its rows.
    private static func views(_ layout: Layout) -> String {
        var xml = ""
        if layout.headingRows > 0 {
            let top = "A\(layout.headingRows + 1)"
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(layout.headingRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !layout.widths.isEmpty {
            xml +=
                "<cols>"
                + layout.widths.enumerated().map { index, width in
                    "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(max(width, 4), 80))\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        return xml
    }

    /// Removes the files; call it once the workbook has been sent, or when it will not be.
    func discard() {
        try? sheet.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func append(_ cells: [Cell]) {
        rowNumber += 1
        columnCount = max(columnCount, cells.count)
        let style = rowNumber <= layout.headingRows ? Style.bold : nil
        sheet.write(Data(Self.row(cells, number: rowNumber, style: style).utf8))
    }

    /// A small sheet after the first, held in memory: a list people pick from.
    func addSheet(_ name: String, rows: [[Cell]]) {
        extraSheets.append((name, rows.enumerated().map { Self.row($1, number: $0 + 1) }.joined()))
    }

    /// The cell formats of `styles.xml`, by their index there.
    private enum Style: Int {
        case bold = 1
        case day = 2
        case month = 3
    }

    private static func row(_ cells: [Cell], number rowNumber: Int, style rowStyle: Style? = nil) -> String {
        var xml = "<row r=\"\(rowNumber)\">"
        for (index, cell) in cells.enumerated() {
            let reference = Self.columnName(index) + String(rowNumber)
            func written(_ style: Style?, _ rest: String) -> String {
                let s = (rowStyle ?? style).map { " s=\"\($0.rawValue)\"" } ?? ""
                return "<c r=\"\(reference)\"\(s)\(rest)</c>"
            }
            switch cell {
            case .text(let text) where !text.isEmpty:
                xml += written(
                    nil, " t=\"inlineStr\"><is><t xml:space=\"preserve\">\(MarkupText.escaped(text))</t></is>")
            case .number(let number): xml += written(nil, "><v>\(number)</v>")
            case .decimal(let number) where number.isFinite: xml += written(nil, "><v>\(number)</v>")
            case .day(let day): xml += written(.day, "><v>\(excelSerial(day))</v>")
            case .month(let day): xml += written(.month, "><v>\(excelSerial(day))</v>")
            case .text, .decimal, .empty: continue
            }
        }
        return xml + "</row>"
    }

    /// Excel counts days from 30 December 1899 (its 1900 leap-year bug makes that the zero for every date
    /// from March 1900 on; the two months before are a day off in Excel itself).
    static func excelSerial(_ day: CalendarDay) -> Int { day.daysSince1970 + 25_569 }

    /// Closes the sheet and packs the workbook; the file stays until `discard()`.
    func finish() throws -> URL {
        var end = "</sheetData>"
        if layout.headingRows > 0, columnCount > 0 {
            // The filter buttons sit on the last heading row (the HXL hashtags), over every row below.
            end +=
                "<autoFilter ref=\"A\(layout.headingRows):\(Self.columnName(columnCount - 1))\(max(rowNumber, layout.headingRows))\"/>"
        }
        sheet.write(Data((end + "</worksheet>").utf8))
        try sheet.close()
        let url = directory.appendingPathComponent("workbook.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", fileURL: directory.appendingPathComponent("sheet1.xml"),
            compressionMethod: .deflate)
        return url
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var parts: [(String, String)] {
        let sheets = [sheetName] + extraSheets.map(\.name)
        let numbers = Array(1...sheets.count)
        let extras = extraSheets.enumerated().map { index, sheet in
            (
                "xl/worksheets/sheet\(index + 2).xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(Self.main)"><sheetData>\(sheet.xml)</sheetData></worksheet>
                """
            )
        }
        return [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                \(numbers.map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
                </Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(Self.relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="\(Self.main)" xmlns:r="\(Self.relationships)"><sheets>\
                \(zip(numbers, sheets).map { "<sheet name=\"\(MarkupText.escaped($1))\" sheetId=\"\($0)\" r:id=\"rId\($0)\"/>" }.joined())</sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(numbers.map { "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined())\
                <Relationship Id="rId\(sheets.count + 1)" Type="\(Self.relationships)/styles" Target="styles.xml"/></Relationships>
                """
            ),
            ("xl/styles.xml", Self.styles),
        ] + extras
    }

    /// Plain, bold, day and month: the formats `Style` names, in its order.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(main)">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
