import Foundation
import PropertyBased
import Testing

@testable import Haven

/// Text as a hostile client sends it: digits, dashes and letters that look like dates and cell
/// references, control characters, Arabic, invisible and right-to-left marks.
enum Arbitrary {
    static let character = Gen.oneOf(
        Gen.ascii, Gen.latin1, Gen.number, Gen.number, Gen.always(Character("-")), Gen.uppercaseLetter,
        Gen.character(in: "\u{0600}"..."\u{06FF}"), Gen.character(in: "\u{200B}"..."\u{202E}"))
    static let text = character.string(of: 0...12)
}

/// Every parser of outside values refuses what it cannot read and never traps, whatever the text.
@Suite struct ParserBoundsTests {
    @Test(arguments: [
        "1899-12", "4819-04", "0000-01", "3000-01", "+999-01", "-999-01", " 202-01", "2026-+1", "2026-00",
    ])
    func monthsOutsideWhatADayHoldsAreRefused(text: String) {
        #expect(ReportingMonth(text) == nil)
    }

    @Test func anyTextIsAMonthWithRealDaysOrNone() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            guard let month = ReportingMonth(text) else { return }
            #expect(month.firstDay <= month.lastDay && month.description == text.trimmed)
            #expect(ReportingMonth(month.firstDay) == month && ReportingMonth(month.lastDay) == month)
        }
    }

    @Test func anyTextIsADayInRangeOrNone() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            guard let day = CalendarDay(text) else { return }
            #expect(
                CalendarDay.years.contains(day.year) && day.description == text.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func dayArithmeticStaysInsideItsYearsAndAgreesWithTheCalendar() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...400_000), Gen.int(in: -2_000_000...2_000_000),
            Gen.int(in: -50_000...50_000)
        ) { offset, days, months in
            let day = CalendarDay.earliest.adding(days: offset)
            #expect(CalendarDay(day.date) == day)
            let expected = Calendar.utc.dateComponents([.year, .month, .day], from: day.date)
            #expect([day.year, day.month, day.day] == [expected.year, expected.month, expected.day])
            for moved in [
                day.adding(days: days), day.adding(months: months), day.adding(days: .max), day.adding(months: .min),
            ] {
                #expect(CalendarDay.earliest <= moved && moved <= CalendarDay.latest)
            }
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, -2.3e9, 4e10])
    func momentsFarOutsideTheYearsGiveTheNearestEnd(seconds: Double) {
        let day = CalendarDay(Date(timeIntervalSince1970: seconds))
        #expect(day == .earliest || day == .latest)
    }

    @Test func anyCellReferenceIsAColumnOfExcelsOrNone() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            if let column = SheetReader.column(text) { #expect((0..<TableLimits.columns).contains(column)) }
            if let row = SheetReader.rowNumber(text) { #expect((1...999_999_999).contains(row)) }
        }
        #expect(SheetReader.column("XFD7") == 16_383)
        #expect(
            SheetReader.column("XFE7") == nil && SheetReader.column("ZZZZZZZZZZZZZZZ2") == nil
                && SheetReader.column("ZZZZZZ2") == nil)
        #expect(
            SheetReader.rowNumber("-9223372036854775808") == nil && SheetReader.rowNumber("99999999999999999999") == nil
        )
    }

    @Test func anyTextParsesAsCSVWithinItsBounds() async {
        let limits = CSV.Limits(rows: 3, fieldsPerRow: 4, fields: 8, fieldCharacters: 5)
        await propertyCheck(
            count: 400,
            input: Gen.oneOf(
                Arbitrary.character, Gen.always(Character(",")), Gen.always(Character("\n")),
                Gen.always(Character("\""))
            ).string(of: 0...40)
        ) { text in
            guard let rows = try? CSV.parse(text, limits: limits) else { return }
            #expect(rows.count <= 3 && rows.allSatisfy { $0.count <= 4 && $0.allSatisfy { $0.count <= 5 } })
        }
    }

    @Test func countsAreBoundedAndComputedFiguresNeverTrap() {
        #expect(
            Counts.problem(-1) == "cannot be negative" && Counts.problem(100_000_001) != nil
                && Counts.problem(Int.max) != nil)
        #expect(Counts.problem(Double.nan) != nil && Counts.problem(1e300) != nil && Counts.problem(12.5) == nil)
        #expect(
            Int(saturating: .nan) == 0 && Int(saturating: 1e300) == .max && Int(saturating: -1e300) == .min
                && Int(saturating: 41.9) == 41)
        #expect(Format.number(Int.min).hasPrefix("-9,223"))
        let huge = SexAgeBreakdown.errors(
            [Int.max, Int.max, 1, nil, nil, nil, nil, nil, nil, nil], total: 5, totalField: "total",
            noun: "people", remedy: "fix it")
        #expect(!huge.isEmpty)
    }

    @Test func anyTextIsASiteCodeOfLettersDigitsAndDashesOrRefused() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            guard SiteRules.codeProblem(text) == nil else { return }
            #expect(
                text.count <= 40
                    && text.unicodeScalars.allSatisfy {
                        $0.isASCII && ($0 == "-" || $0 == "_" || CharacterSet.alphanumerics.contains($0))
                    })
            #expect(Site.key(text) == Site.key(text.lowercased()), "one site whatever the case")
        }
    }

    @Test func anyTextIsAnAddressOrNetworkOrNone() async {
        await propertyCheck(
            count: 400,
            input: Gen.oneOf(
                Arbitrary.character, Gen.always(Character(".")), Gen.always(Character(":")),
                Gen.always(Character("/"))
            ).string(of: 0...20)
        ) { text in
            guard let network = ClientAddress.Network(text) else { return }
            #expect([4, 16].contains(network.bytes.count) && (0...network.bytes.count * 8).contains(network.prefix))
            #expect(network.contains(network.bytes))
        }
    }
}
