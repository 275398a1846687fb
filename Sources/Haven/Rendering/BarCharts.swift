import Foundation

/// Horizontal bars: progress against targets, and how a figure divides.
extension Charts {
    /// One bar of reach against a target: the bar fills to the share reached, a mark stands at 100%.
    static func progressBar(reached: Int, target: Int) -> String {
        let width = 200.0
        let full = 160.0
        let share = target > 0 ? Double(reached) / Double(target) : 0
        let w = min(share, 1.25) * full
        let label = target > 0 ? "\(Int(saturating: (share * 100).rounded()))%" : "–"
        return
            "<svg class=\"progress\" viewBox=\"0 0 \(Int(width)) 22\" role=\"img\" aria-label=\"\(label) of the target reached\">"
            + "<rect x=\"0\" y=\"3\" width=\"\(Int(full))\" height=\"16\" fill=\"#eef1f4\"/>"
            + "<rect x=\"0\" y=\"3\" width=\"\(String(format: "%.1f", w))\" height=\"16\" fill=\"\(share >= 1 ? "#2e7d4f" : "#0b5c8e")\"/>"
            + "<line x1=\"\(Int(full))\" y1=\"0\" x2=\"\(Int(full))\" y2=\"22\" stroke=\"#333\"/></svg>"
    }

    /// Labelled bars scaled to the largest value, with the figures beside them.
    static func bars(_ rows: [(label: String, value: Int)], title: String) -> String {
        guard let largest = rows.map(\.value).max(), largest > 0 else { return "" }
        let width = 480.0
        let labelWidth = 200.0
        let rowHeight = 22.0
        var body = ""
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let w = Double(row.value) / Double(largest) * (width - labelWidth - 80)
            body +=
                "<text x=\"0\" y=\"\(y + 14)\">\(MarkupText.escaped(String(row.label.prefix(32))))</text>"
                + "<rect x=\"\(Int(labelWidth))\" y=\"\(y + 3)\" width=\"\(String(format: "%.1f", w))\" height=\"15\" fill=\"#5b8db8\"/>"
                + "<text x=\"\(String(format: "%.1f", labelWidth + w + 5))\" y=\"\(y + 15)\">\(Format.number(row.value))</text>"
        }
        return
            "<svg class=\"bars\" viewBox=\"0 0 \(Int(width)) \(Int(Double(rows.count) * rowHeight + 4))\" role=\"img\" aria-label=\"\(MarkupText.escaped(title))\">"
            + "<title>\(MarkupText.escaped(title))</title>\(body)</svg>"
    }
}
