import Foundation

/// A date without time or zone (yyyy-MM-dd): the day a count was made, a site opened.
/// Stored and sent as text so that no time zone can shift it. Every value lies in 1900-2999, whatever
/// it was made from: arithmetic that would leave that span stops at its ends.
public struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public static let years = 1900...2999
    public static let earliest = CalendarDay(valid: 1900, 1, 1)
    public static let latest = CalendarDay(valid: 2999, 12, 31)

    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(valid: year, month, day)
    }

    /// For values already known to lie in range (checked by the caller's own type).
    init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd`, digits only.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day a moment falls on in UTC; moments outside 1900-2999 give the nearest end of that span.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else {
            self = seconds > 0 ? .latest : .earliest
            return
        }
        let days = (seconds / 86_400).rounded(.down)
        guard days >= Double(Self.earliest.daysSince1970) else {
            self = .earliest
            return
        }
        guard days <= Double(Self.latest.daysSince1970) else {
            self = .latest
            return
        }
        self.init(daysSince1970: Int(days))
    }

    /// A day read back from the database. Writes store only valid days; a value damaged outside Haven
    /// shows as 1900-01-01, where people will notice it, rather than stopping the server.
    static func stored(_ text: String) -> CalendarDay { CalendarDay(text) ?? .earliest }

    public static func today() -> CalendarDay { CalendarDay(Date()) }

    public var description: String {
        year.zeroPadded(4) + "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2)
    }

    /// Midnight UTC at the start of the day.
    public var date: Date { Date(timeIntervalSince1970: Double(daysSince1970) * 86_400) }

    /// The same day some months later or earlier, or the month's last day when it is shorter (31 January
    /// and one month is 28 or 29 February).
    public func adding(months: Int) -> CalendarDay {
        let clamped = max(-12_000, min(12_000, months))
        let index = (year * 12 + month - 1) + clamped
        let y = index / 12
        let m = index % 12 + 1
        guard y >= Self.years.lowerBound else { return .earliest }
        guard y <= Self.years.upperBound else { return .latest }
        return CalendarDay(valid: y, m, min(day, Self.daysIn(month: m, year: y)))
    }

    public func adding(days: Int) -> CalendarDay {
        let span = Self.latest.daysSince1970 - Self.earliest.daysSince1970
        let target = daysSince1970 + max(-span, min(span, days))
        return CalendarDay(daysSince1970: max(Self.earliest.daysSince1970, min(Self.latest.daysSince1970, target)))
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text.prefix(40))' is not a date in the form yyyy-mm-dd between 1900 and 2999")
            )
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's days-from-civil, exact for the proleptic Gregorian calendar).
    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSince1970`, for counts that the callers keep inside 1900-2999.
    private init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(valid: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Calendar {
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

extension Int {
    /// In decimal with zeros in front up to `width` characters, as `%0*d` would write it without the cost of
    /// `String(format:)`, which dominated writing a list's dates.
    func zeroPadded(_ width: Int) -> String {
        let sign = self < 0 ? "-" : ""
        let digits = String(magnitude)
        return sign + String(repeating: "0", count: Swift.max(0, width - sign.count - digits.count)) + digits
    }
}
