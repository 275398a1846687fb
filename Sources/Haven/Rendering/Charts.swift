import Foundation

/// Inline SVG charts: no script, print well, and cost a few hundred bytes on a slow link.
enum Charts {
    struct Point {
        var day: CalendarDay
        var value: Int
    }

    /// Population over time as a line with its first and last values labelled.
    static func line(_ points: [Point], title: String) -> String {
        guard points.count > 0 else { return "" }
        let width = 560.0
        let height = 200.0
        let left = 56.0
        let bottom = 24.0
        let top = 12.0
        let maxValue = Double(max(points.map(\.value).max() ?? 1, 1))
        let first = points.first!.day.date.timeIntervalSince1970
        let span = max(points.last!.day.date.timeIntervalSince1970 - first, 1)
        func x(_ p: Point) -> Double { left + (p.day.date.timeIntervalSince1970 - first) / span * (width - left - 8) }
        func y(_ v: Double) -> Double { top + (1 - v / maxValue) * (height - top - bottom) }
        let path = points.map { String(format: "%.1f,%.1f", x($0), y(Double($0.value))) }.joined(separator: " ")
        let last = points.last!
        return """
            <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(MarkupText.escaped(title))">\
            <title>\(MarkupText.escaped(title))</title>\
            <line x1="\(left)" y1="\(y(0))" x2="\(width - 8)" y2="\(y(0))" stroke="#d5dbe2"/>\
            <line x1="\(left)" y1="\(y(maxValue))" x2="\(width - 8)" y2="\(y(maxValue))" stroke="#eef1f4"/>\
            <text x="\(left - 4)" y="\(y(maxValue) + 4)" text-anchor="end">\(Format.number(Int(maxValue)))</text>\
            <text x="\(left - 4)" y="\(y(0) + 4)" text-anchor="end">0</text>\
            <polyline fill="none" stroke="#0b5c8e" stroke-width="2" points="\(path)"/>\
            <text x="\(left)" y="\(height - 6)">\(Format.day(points.first!.day))</text>\
            <text x="\(width - 8)" y="\(height - 6)" text-anchor="end">\(Format.day(last.day)): \(Format.number(last.value))</text>\
            </svg>
            """
    }

    /// The age-sex pyramid of one disaggregated count: women to the right, men to the left.
    static func pyramid(_ figures: PopulationFigures) -> String {
        let rows = AgeBracket.allCases.reversed()
        let maxCell = Double(max(figures.cells.compactMap { $0 }.max() ?? 1, 1))
        let width = 420.0
        let middle = 210.0
        let rowHeight = 26.0
        let half = 150.0
        var body = ""
        for (index, bracket) in rows.enumerated() {
            let y = 20 + Double(index) * rowHeight
            let male = Double(figures.cell(.male, bracket) ?? 0)
            let female = Double(figures.cell(.female, bracket) ?? 0)
            let mw = male / maxCell * half
            let fw = female / maxCell * half
            body += """
                <rect x="\(middle - 22 - mw)" y="\(y)" width="\(mw)" height="\(rowHeight - 6)" fill="#5b8db8"/>\
                <rect x="\(middle + 22)" y="\(y)" width="\(fw)" height="\(rowHeight - 6)" fill="#c0607a"/>\
                <text x="\(middle)" y="\(y + 14)" text-anchor="middle">\(bracket.label)</text>\
                <text x="\(middle - 26 - mw)" y="\(y + 14)" text-anchor="end">\(Format.number(Int(male)))</text>\
                <text x="\(middle + 26 + fw)" y="\(y + 14)">\(Format.number(Int(female)))</text>
                """
        }
        let total = figures.total
        return """
            <svg viewBox="0 0 \(Int(width)) \(Int(20 + 5 * rowHeight + 10))" role="img" aria-label="Age and sex pyramid">\
            <title>Age and sex pyramid, \(Format.day(figures.countedOn))</title>\
            <text x="\(middle - 26)" y="12" text-anchor="end">Male \(Format.number(total.male))</text>\
            <text x="\(middle + 26)" y="12">Female \(Format.number(total.female))</text>\(body)</svg>
            """
    }
}
