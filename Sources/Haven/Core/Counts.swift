/// The bounds of every count a person or a file sends: people, households, capacities, answers. No
/// operation counts a hundred million of anything, and keeping counts under it means sums of a whole
/// operation's figures cannot overflow.
enum Counts {
    static let largest = 100_000_000

    /// Why a count is refused, or nil when it is within bounds.
    static func problem(_ value: Int) -> String? {
        value < 0 ? "cannot be negative" : value > largest ? "cannot be more than 100,000,000" : nil
    }

    static func problem(_ value: Double) -> String? {
        guard value.isFinite else { return "must be a number" }
        return value < 0 ? "cannot be negative" : value > Double(largest) ? "cannot be more than 100,000,000" : nil
    }
}

extension Int {
    /// A computed figure as a whole number that cannot trap: NaN is 0, and values beyond what an Int
    /// holds stop at its ends (a standard of 0.000001 people per toilet must not stop the server).
    init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.2e18 {
            self = .max
        } else if value <= -9.2e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
