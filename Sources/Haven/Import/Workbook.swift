import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The first worksheet of an Excel workbook (.xlsx), read as the rows of text a person sees: shared and
/// inline strings, numbers without spurious decimals, dates as yyyy-mm-dd. Empty rows are kept, so that
/// every row keeps the number it has in Excel.
enum Workbook {
    /// A workbook whose parts unpack to more than this in all is refused rather than read (a "zip bomb").
    /// The bytes are counted as they are inflated: the sizes a zip declares are never trusted.
    static let largestUnpacked = 200 * 1024 * 1024

    static func rows(_ data: Data) throws -> [[String]] {
        guard let archive = try? Archive(data: data, accessMode: .read) else {
            throw unreadable("it is not an .xlsx workbook")
        }
        let workbook = try WorkbookParts(archive)
        let strings = try workbook.part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        let dateStyles = try workbook.part("xl/styles.xml").map(DateStyles.read) ?? []
        guard let sheet = try workbook.part(workbook.firstSheetPath()) else { throw unreadable("it has no worksheet") }
        return try SheetReader.read(sheet, strings: strings, dateStyles: dateStyles, date1904: workbook.date1904)
    }

    static func unreadable(_ why: String) -> HavenError {
        .badRequest("The file cannot be read as a spreadsheet: \(why). Save it from Excel as .xlsx, or as CSV UTF-8.")
    }
}

/// The parts of the package that say where the first sheet is and how dates count.
private final class WorkbookParts {
    let archive: Archive
    private(set) var workbookXML = Data()
    /// What may still be unpacked, across every part read.
    private var budget = Workbook.largestUnpacked
    /// Workbooks from old Mac Excel count days from 1904 rather than 1900.
    var date1904: Bool {
        ["1", "true"].contains(XMLElements.attributes(of: "workbookPr", in: workbookXML).first?["date1904"])
    }

    init(_ archive: Archive) throws {
        self.archive = archive
        guard let workbook = try part("xl/workbook.xml") else { throw Workbook.unreadable("it has no xl/workbook.xml") }
        workbookXML = workbook
    }

    /// The first sheet in the workbook's order, found through its relationship id.
    func firstSheetPath() throws -> String {
        let sheets = XMLElements.attributes(of: "sheet", in: workbookXML)
        guard let relation = sheets.first?.first(where: { $0.key.hasSuffix(":id") })?.value else {
            return "xl/worksheets/sheet1.xml"
        }
        guard let rels = try part("xl/_rels/workbook.xml.rels"),
            let target = XMLElements.attributes(of: "Relationship", in: rels).first(where: { $0["Id"] == relation })?[
                "Target"]
        else {
            return "xl/worksheets/sheet1.xml"
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// One part, inflated chunk by chunk against what remains of the budget.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, 4 * 1024 * 1024)))
        var overBudget = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= self.budget else {
                    overBudget = true
                    throw CocoaError(.fileReadTooLarge)
                }
                data.append(chunk)
            }
        } catch {
            throw Workbook.unreadable(
                overBudget
                    ? "it unpacks to more than \(Workbook.largestUnpacked / 1024 / 1024) MB" : "\(path) is damaged")
        }
        budget -= data.count
        return data
    }
}

/// Collects the attributes of every element with a given name.
private final class XMLElements: NSObject, XMLParserDelegate {
    private let name: String
    private var found: [[String: String]] = []

    private init(_ name: String) { self.name = name }

    static func attributes(of name: String, in data: Data) -> [[String: String]] {
        let collector = XMLElements(name)
        XMLParser.read(data, with: collector)
        return collector.found
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == name || element.hasSuffix(":" + name) { found.append(attributes) }
    }
}

/// The workbook's string table: each `<si>` is the text of its `<t>` runs, phonetic guides left out.
private final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func read(_ data: Data) throws -> [String] {
        let reader = SharedStrings()
        guard XMLParser.read(data, with: reader) else { throw Workbook.unreadable("its shared strings are damaged") }
        return reader.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Which cell styles show a number as a date: Excel stores dates as day counts and only the style says so.
enum DateStyles {
    /// Excel's built-in date and date-time formats.
    static let builtIn: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]

    fileprivate static func read(_ data: Data) throws -> [Bool] {
        let formats = XMLElements.attributes(of: "numFmt", in: data).reduce(into: [Int: String]()) { codes, format in
            if let id = format["numFmtId"].flatMap(Int.init), let code = format["formatCode"] { codes[id] = code }
        }
        return CellFormats.read(data).map { id in builtIn.contains(id) || formats[id].map(isDateFormat) == true }
    }

    /// A custom format shows a date when it has day, month or year codes outside quoted text and brackets.
    static func isDateFormat(_ code: String) -> Bool {
        var plain = ""
        var quoted = false
        var bracketed = false
        for char in code.lowercased() {
            switch char {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            default: if !quoted && !bracketed { plain.append(char) }
            }
        }
        return plain.contains { "dmy".contains($0) }
    }
}

/// The number format of each cell style, in order (`<cellXfs>` only, not the named styles).
private final class CellFormats: NSObject, XMLParserDelegate {
    private var ids: [Int] = []
    private var inCellStyles = false

    static func read(_ data: Data) -> [Int] {
        let reader = CellFormats()
        XMLParser.read(data, with: reader)
        return reader.ids
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "cellXfs" { inCellStyles = true }
        if element == "xf", inCellStyles { ids.append(attributes["numFmtId"].flatMap(Int.init) ?? 0) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "cellXfs" { inCellStyles = false }
    }
}

extension XMLParser {
    /// Parses a whole document with one delegate; false when the XML is malformed.
    @discardableResult
    static func read(_ data: Data, with delegate: any XMLParserDelegate) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse()
    }
}
