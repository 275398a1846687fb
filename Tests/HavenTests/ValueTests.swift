import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct CSVTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let rows = try CSV.parse(
            "\u{FEFF}code,name\r\nA1,\"Camp, \"\"North\"\"\nblock 2\"\r\n\r\nB2,\n", limits: TableLimits.csv)
        #expect(rows == [["code", "name"], ["A1", "Camp, \"North\"\nblock 2"], [""], ["B2", ""]])
    }

    @Test func anyRowSurvivesWritingAndReading() async {
        let field = Gen.oneOf(
            Gen.letterOrNumber.string(of: 0...6), Gen.always(","), Gen.always("\"q\""), Gen.always("a\nb"),
            Gen.always(" x "), Gen.always("a\r\nb"), Gen.always("\r"))
        await propertyCheck(input: field.array(of: 1...6)) { fields in
            #expect((try? CSV.parse(CSV.line(fields) + "\n", limits: TableLimits.csv)) == [fields])
        }
    }
}

@Suite struct CalendarDayTests {
    @Test func markupTextCarriesNoMarkupAndReadsBack() async {
        let text = Gen.oneOf(
            Gen.unicodeScalar(in: "\u{0}"..."\u{7F}").map { String($0) }, Gen.always("&amp;"), Gen.always("é"),
            Gen.always("ع"), Gen.always("👩🏽‍⚕️")
        ).array(of: 0...16).map { $0.joined() }
        await propertyCheck(input: text) { text in
            let escaped = MarkupText.escaped(text)
            #expect(!escaped.contains { "<>\"'".contains($0) })
            let references = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
            var read = ""
            var rest = Substring(escaped)
            while let ampersand = rest.firstIndex(of: "&") {
                read += rest[..<ampersand]
                let reference = references.keys.first { rest[ampersand...].hasPrefix($0) }
                #expect(reference != nil, "a bare & in \(escaped)")
                read += references[reference ?? "&amp;"] ?? ""
                rest = rest[ampersand...].dropFirst(reference?.count ?? 1)
            }
            read += rest
            let kept = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) }))
            #expect(read == kept)
        }
    }

    @Test func auditFieldsReadAsWords() async {
        #expect(AuditTable.label("adminArea") == "Admin area")
        #expect(AuditTable.label("householdsReached") == "Households reached")
        #expect(AuditTable.label("notes") == "Notes")
        let letters = Gen.oneOf(Gen.lowercaseLetter, Gen.uppercaseLetter).string(of: 0...16)
        await propertyCheck(input: letters) { field in
            let label = AuditTable.label(field)
            #expect(label.replacingOccurrences(of: " ", with: "").lowercased() == field.lowercased())
            #expect(label.first.map { $0.isUppercase || !$0.isLetter } ?? true)
        }
    }

    @Test func zeroPaddingWritesWhatPrintfWrites() async {
        await propertyCheck(input: Gen.int(in: -100_000...100_000), Gen.int(in: 0...6)) { value, width in
            #expect(value.zeroPadded(width) == String(format: "%0\(width)d", value))
        }
    }

    @Test(arguments: ["2024-02-29", "1999-12-31", "2025-01-01"])
    func validDaysParse(text: String) {
        #expect(CalendarDay(text)?.description == text)
    }

    @Test(arguments: ["2023-02-29", "2025-13-01", "2025-1-1", "25-01-01", "2025/01/01", "", "2025-04-31"])
    func invalidDaysAreRefused(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func monthsAddAcrossYears() {
        #expect(CalendarDay("2025-11-05")!.adding(months: 3).description == "2026-02-05")
    }

    @Test func numbersAndDatesReadNaturally() {
        #expect(Format.number(1_234_567) == "1,234,567")
        #expect(Format.number(-1200) == "-1,200")
        #expect(Format.number(nil) == "–")
        #expect(Format.day("2025-03-04") == "4 Mar 2025")
        #expect(Format.percent(1, of: 3) == "33%")
    }
}

@Suite struct HashtagTests {
    @Test func hashtagsMatchWhateverTheAttributeOrder() {
        let field = ImportField(name: "adm1Code", headers: [], hashtag: "#adm1+code")
        #expect(field.matches(hashtag: "#adm1 +code"))
        #expect(field.matches(hashtag: "#adm1+v_pcode+code"))
        #expect(!field.matches(hashtag: "#adm1+name"))
        #expect(!field.matches(hashtag: "#adm2+code"))
    }

    @Test func headersMatchIgnoringCaseAndPunctuation() {
        let field = ImportField(name: "capacityIndividuals", headers: ["capacity_individuals"], hashtag: nil)
        #expect(field.matches(header: "Capacity Individuals"))
        #expect(field.matches(header: "CAPACITY-INDIVIDUALS"))
    }
}

@Suite struct FastTextTests {
    @Test func trimmingMatchesFoundationOnAnyMixOfTextAndWhiteSpace() async {
        let pieces = Gen.oneOf(
            Gen.always(" "), Gen.always("\t"), Gen.always("\r\n"), Gen.always("\u{00A0}"), Gen.always("\u{3000}"),
            Gen.always("é"), Gen.always("中"), Gen.always("a b"), Gen.always("BO0101_0001"), Gen.always("👩🏽‍⚕️"))
        await propertyCheck(input: pieces.array(of: 0...8)) { parts in
            let text = parts.joined()
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test func monthsAreWrittenYearDashMonth() {
        #expect(
            ReportingMonth("2026-03")!.description == "2026-03" && ReportingMonth("1900-01")!.description == "1900-01")
        #expect(ReportingMonth(CalendarDay("2026-12-31")!).adding(months: 1).description == "2027-01")
    }
}

@Suite struct PathsTests {
    @Test func aLinkCarriesItsQueryInAStableOrderAndNoneWhenEmpty() {
        #expect(Paths.with("/activities", [:]) == "/activities")
        #expect(
            Paths.with("/activities", ["sector": "WASH", "adminArea": "BO 02"])
                == "/activities?adminArea=BO%2002&sector=WASH")
    }
}
