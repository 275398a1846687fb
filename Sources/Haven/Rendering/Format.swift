import Foundation

/// Numbers and dates as people read them: 12,345 and 3 Mar 2025.
enum Format {
    static func number(_ value: Int?) -> String {
        guard let value else { return "–" }
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, char) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(char)
        }
        return (value < 0 ? "-" : "") + String(grouped.reversed())
    }

    static func decimal(_ value: Double?, digits: Int = 1) -> String {
        guard let value else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    static func day(_ day: CalendarDay?) -> String {
        guard let day else { return "–" }
        return "\(day.day) \(Wording.staff.monthShort(day.month)) \(day.year)"
    }

    /// A reporting month as people write it: "Nov 2026", in the reader's language.
    static func month(_ month: ReportingMonth) -> String {
        "\(Wording.staff.monthShort(month.month)) \(month.year)"
    }

    /// A month written out, for titles: "November 2026".
    static func monthName(_ month: ReportingMonth) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(names[month.month - 1]) \(month.year)"
    }

    static func day(_ text: String?) -> String {
        day(text.flatMap(CalendarDay.init))
    }

    static func moment(_ date: Date?) -> String {
        guard let date else { return "–" }
        let c = Calendar.utc.dateComponents([.hour, .minute], from: date)
        return day(CalendarDay(date)) + String(format: " %02d:%02d UTC", c.hour ?? 0, c.minute ?? 0)
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
    }
}
