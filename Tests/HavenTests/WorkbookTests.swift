import Foundation
import PropertyBased
import Testing
import ZIPFoundation

@testable import Haven

/// Workbooks built part by part, as Excel writes them, to read back.
enum TestWorkbook {
    static func make(
        sheet rows: String, sharedStrings: [String] = [], numberFormats: String = "", cellStyles: [Int] = [0],
        date1904: Bool = false, sheetPath: String = "worksheets/sheet1.xml"
    ) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let workbookPr = date1904 ? "<workbookPr date1904=\"1\"/>" : ""
        let strings: String = sharedStrings.map { "<si>\($0)</si>" }.joined()
        let styles: String = cellStyles.map { "<xf numFmtId=\"\($0)\"/>" }.joined()
        var parts: [String: String] = [:]
        parts["xl/workbook.xml"] =
            "<workbook \(ns) xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "\(workbookPr)<sheets><sheet name=\"Rounds\" sheetId=\"1\" r:id=\"rId3\"/></sheets></workbook>"
        parts["xl/_rels/workbook.xml.rels"] =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId3\" Type=\"worksheet\" Target=\"\(sheetPath)\"/></Relationships>"
        parts["xl/sharedStrings.xml"] = "<sst \(ns)>\(strings)</sst>"
        parts["xl/styles.xml"] =
            "<styleSheet \(ns)><numFmts>\(numberFormats)</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
            + "<cellXfs>\(styles)</cellXfs></styleSheet>"
        parts["xl/" + sheetPath] = "<worksheet \(ns)><sheetData>\(rows)</sheetData></worksheet>"
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}

@Suite struct WorkbookTests {
    @Test func cellsReadAsExcelShowsThem() throws {
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>key_informants</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45677</v></c><c r="D2"><v>40</v></c><c r="E2"><v>0.25</v></c><c r="F2" t="b"><v>1</v></c></row>
            <row r="5"><c r="B5" s="2"><v>45678.75</v></c><c r="C5" t="str"><v>camp leader</v></c><c r="D5" s="3"><v>12</v></c></row>
            """
        let data = try TestWorkbook.make(
            sheet: rows,
            sharedStrings: [
                "<t>site</t>", "<r><t>conducted</t></r><r><t>_on</t></r>", "<t>BO0101_0001</t><rPh><t>x</t></rPh>",
            ],
            numberFormats:
                "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy hh:mm\"/><numFmt numFmtId=\"165\" formatCode=\"0.0&quot; m&quot;\"/>",
            cellStyles: [0, 14, 164, 165])
        #expect(
            try Workbook.rows(data) == [
                ["site", "conducted_on", "key_informants"],
                ["BO0101_0001", "2025-01-20", "", "40", "0.25", "TRUE"],
                [], [],
                ["", "2025-01-21", "camp leader", "12"],
            ])
    }

    @Test func theFirstSheetIsFoundThroughItsRelationshipAnd1904DatesCount() throws {
        let data = try TestWorkbook.make(
            sheet: "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c></row>", cellStyles: [0, 14], date1904: true,
            sheetPath: "worksheets/data.xml")
        #expect(try Workbook.rows(data) == [["1904-01-01"]])
    }

    @Test func aWorkbookBecomesCSVWithRowNumbersKept() throws {
        let data = try TestWorkbook.make(
            sheet:
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a, b</t></is></c></row><row r=\"3\"><c r=\"B3\"><v>7</v></c></row>"
        )
        let table = try Table(csv: try Table.csvText(of: data))
        #expect(table.headers == ["a, b"] && table.rows.map(\.line) == [3] && table.rows[0].cells == ["", "7"])
    }

    @Test func filesThatAreNotSpreadsheetsAreExplained() {
        #expect(throws: HavenError.self) { try Table.csvText(of: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])) }
        #expect(throws: HavenError.self) { try Table.csvText(of: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1])) }
        #expect(throws: HavenError.self) { try Table.csvText(of: Data([0xFF, 0xFE, 0x00])) }
        #expect(throws: HavenError.self) {
            try Workbook.rows(TestWorkbook.make(sheet: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row>"))
        }
    }

    @Test func columnLettersAreBase26() {
        #expect(
            SheetReader.column("A1") == 0 && SheetReader.column("Z9") == 25 && SheetReader.column("AA10") == 26
                && SheetReader.column("XFD1") == 16383)
        #expect(SheetReader.column("12") == nil)
    }

    @Test func dayCountsAreCalendarDays() async {
        #expect(SheetReader.day(serial: 61, date1904: false) == "1900-03-01")
        #expect(SheetReader.day(serial: 45_658, date1904: false) == "2025-01-01")
        await propertyCheck(input: Gen.int(in: 61...80_000)) { serial in
            let day = SheetReader.day(serial: Double(serial), date1904: false)
            let next = SheetReader.day(serial: Double(serial + 1), date1904: false)
            #expect(CalendarDay(day).map { $0.adding(days: 1).description } == next)
        }
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        #expect(DateStyles.isDateFormat("dd/mm/yyyy") && DateStyles.isDateFormat("[$-409]mmm d, yyyy"))
        #expect(
            !DateStyles.isDateFormat("0.00") && !DateStyles.isDateFormat("#,##0\" days\"")
                && !DateStyles.isDateFormat("[Red]0.0"))
    }
}

@Suite struct WorkbookWriterTests {
    @Test func whatIsWrittenReadsBackCellForCell() async throws {
        let text = Gen.oneOf(
            Gen.letterOrNumber.string(of: 0...8), Gen.always("a & <b> \"c\""), Gen.always("tab\there"),
            Gen.always("é ü 中"))
        await propertyCheck(input: text.array(of: 1...5), Gen.int(in: -5000...5000)) { words, number in
            let writer = try! WorkbookWriter(sheetName: "5W & more")
            defer { writer.discard() }
            writer.append(words.map { .text($0) } + [.number(number)])
            writer.append([.empty, .text("\u{1}bell")])
            let file = try! writer.finish()
            let rows = try! Workbook.rows(try! Data(contentsOf: file))
            #expect(rows[0] == words + [String(number)])
            #expect(rows[1] == ["", "bell"], "control characters XML cannot carry are dropped")
        }
    }

    @Test func columnsAreNamedAsExcelNamesThem() {
        #expect(
            [0, 25, 26, 51, 52, 701, 702].map(WorkbookWriter.columnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }
}
