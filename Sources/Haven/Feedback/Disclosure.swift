/// Disclosure control for figures about people who gave feedback: counts below a threshold could point at a
/// person (three GBV complaints from one small site), so they are shown as "fewer than N", never as the number.
enum Disclosure {
    /// A count as it may be shown: nil when it must be suppressed (more than zero, fewer than the threshold).
    static func shown(_ count: Int, threshold: Int) -> Int? {
        count > 0 && count < threshold ? nil : count
    }

    /// The cells of a table, each suppressed on its own, and a total that never lets a suppressed cell be
    /// worked out by subtraction: when exactly one cell of a row is suppressed, the total is suppressed too.
    static func row(_ counts: [Int], threshold: Int) -> (cells: [Int?], total: Int?) {
        let cells = counts.map { shown($0, threshold: threshold) }
        let total = counts.reduce(0, +)
        let hidden = cells.filter { $0 == nil }.count
        return (cells, hidden == 1 ? nil : shown(total, threshold: threshold))
    }
}
