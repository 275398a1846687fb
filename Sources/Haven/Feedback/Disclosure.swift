/// Disclosure control for figures about people who gave feedback: counts below a threshold could point at a
/// person (three GBV complaints from one small site), so they are never shown, only "fewer than N".
enum Disclosure {
    /// A count as it may be shown: nil when it must be suppressed (more than zero, fewer than the threshold).
    static func shown(_ count: Int, threshold: Int) -> Int? {
        count > 0 && count < threshold ? nil : count
    }

    /// The cells of a breakdown and its total. A single suppressed cell could be worked out by subtracting the
    /// others from the total, so the smallest cell still shown is suppressed with it; the total then stands.
    static func row(_ counts: [Int], threshold: Int) -> (cells: [Int?], total: Int?) {
        var cells = counts.map { shown($0, threshold: threshold) }
        if cells.filter({ $0 == nil }).count == 1,
            let partner = cells.indices.filter({ cells[$0] != nil && counts[$0] > 0 }).min(by: {
                counts[$0] < counts[$1]
            })
        {
            cells[partner] = nil
        }
        return (cells, shown(counts.reduce(0, +), threshold: threshold))
    }
}
