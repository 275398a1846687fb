/// SplitMix64: a small, fast generator whose output depends only on the seed, so demos are reproducible.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    mutating func chance(_ p: Double) -> Bool {
        uniform(0...1) < p
    }

    /// One of the items, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        var pick = uniform(0...items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            pick -= weight
            if pick <= 0 { return item }
        }
        return items.last!.0
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }
}
