import Foundation

/// A calendar month written `yyyy-MM`, as 5W reports are dated, in the years a `CalendarDay` holds.
public struct ReportingMonth: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Parses exactly `yyyy-mm`, digits only, years 1900-2999.
    public init?(_ text: String) {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]),
            CalendarDay.years.contains(year), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// Why a text is not a month, for the field that held it.
    static func refusal(_ field: String, _ text: String?) -> FieldError {
        FieldError(field, "'\((text ?? "").prefix(40))' is not a month written yyyy-mm between 1900 and 2999")
    }

    /// A month read back from the database, read as `CalendarDay.stored` reads days.
    static func stored(_ text: String) -> ReportingMonth { ReportingMonth(text) ?? ReportingMonth(.earliest) }

    public init(_ day: CalendarDay) {
        year = day.year
        month = day.month
    }

    /// `yyyy-mm`, built by hand: keys and filters format months by the hundred thousand.
    public var description: String {
        String(year) + (month < 10 ? "-0" : "-") + String(month)
    }
    public var firstDay: CalendarDay { CalendarDay(valid: year, month, 1) }
    public var lastDay: CalendarDay { CalendarDay(valid: year, month, CalendarDay.daysIn(month: month, year: year)) }

    public static func < (a: ReportingMonth, b: ReportingMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = ReportingMonth(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text.prefix(40))' is not a month written yyyy-mm between 1900 and 2999"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
