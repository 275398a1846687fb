import Foundation
import ZIPFoundation

/// Writes an Excel workbook (.xlsx) row by row to a file, so that a sheet of any length never sits in
/// memory: rows go to the first sheet's XML on disk, which is then packed with the other parts. Small
/// reference sheets (lists to pick from) can follow it.
final class WorkbookWriter {
    enum Cell {
        case text(String)
        case number(Int)
        case empty
    }

    /// Where the sheet and the workbook are written; removed by `discard()`.
    let directory: URL
    private let sheet: FileHandle
    private var rowNumber = 0
    private let sheetName: String
    /// Further sheets, each a name and its rows' XML.
    private var extraSheets: [(name: String, xml: String)] = []

    init(sheetName: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("sheet1.xml")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        sheet = try FileHandle(forWritingTo: path)
        self.sheetName = sheetName
        sheet.write(
            Data(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(Self.main)\"><sheetData>"
                    .utf8))
    }

    /// Removes the files; call it once the workbook has been sent, or when it will not be.
    func discard() {
        try? sheet.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func append(_ cells: [Cell]) {
        rowNumber += 1
        sheet.write(Data(Self.row(cells, number: rowNumber).utf8))
    }

    /// A small sheet after the first, held in memory: a list people pick from.
    func addSheet(_ name: String, rows: [[Cell]]) {
        extraSheets.append((name, rows.enumerated().map { Self.row($1, number: $0 + 1) }.joined()))
    }

    private static func row(_ cells: [Cell], number rowNumber: Int) -> String {
        var xml = "<row r=\"\(rowNumber)\">"
        for (index, cell) in cells.enumerated() {
            let reference = Self.columnName(index) + String(rowNumber)
            switch cell {
            case .text(let text) where !text.isEmpty:
                xml +=
                    "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(MarkupText.escaped(text))</t></is></c>"
            case .number(let number): xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
            case .text, .empty: continue
            }
        }
        return xml + "</row>"
    }

    /// Closes the sheet and packs the workbook; the file stays until `discard()`.
    func finish() throws -> URL {
        sheet.write(Data("</sheetData></worksheet>".utf8))
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
                \(numbers.map { "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined())</Relationships>
                """
            ),
        ] + extras
    }

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
