/// A QR code (ISO/IEC 18004) for a short text such as a web address, drawn as SVG for the printed posters:
/// byte mode, error correction level M (15% of the symbol may be damaged), versions 1 to 10 (up to 213 bytes).
/// Written here because no package of the local mirror draws one; checked against another encoder's symbols.
struct QRCode: Equatable, Sendable {
    /// Dark modules, row by row.
    let modules: [[Bool]]
    let version: Int
    let mask: Int

    var size: Int { modules.count }

    /// Data codewords and error correction blocks of level M, by version: (EC codewords per block, data
    /// codewords of each block).
    private static let blocks: [Int: (ec: Int, data: [Int])] = [
        1: (10, [16]), 2: (16, [28]), 3: (26, [44]), 4: (18, [32, 32]), 5: (24, [43, 43]),
        6: (16, [27, 27, 27, 27]), 7: (18, [31, 31, 31, 31]), 8: (22, [38, 38, 39, 39]),
        9: (22, [36, 36, 36, 37, 37]), 10: (26, [43, 43, 43, 43, 44]),
    ]

    /// The symbol for `text`, nil when it is longer than version 10 holds. `mask` forces a mask (for tests);
    /// otherwise the one with the lowest penalty is used, as the standard asks.
    init?(_ text: String, mask forced: Int? = nil) {
        let bytes = Array(text.utf8)
        guard
            let version = (1...10).first(where: { v in
                let capacity = Self.blocks[v].map { $0.data.reduce(0, +) } ?? 0
                return 4 + (v < 10 ? 8 : 16) + 8 * bytes.count <= 8 * capacity
            }), let layout = Self.blocks[version]
        else { return nil }
        let codewords = Self.interleaved(Self.data(bytes, version: version, capacity: layout.data.reduce(0, +)), layout)
        var best: (matrix: [[Bool]], mask: Int, penalty: Int)?
        for mask in forced.map({ [$0] }) ?? Array(0..<8) {
            var symbol = Symbol(version: version)
            symbol.place(codewords, mask: mask)
            symbol.format(mask: mask)
            let penalty = Self.penalty(symbol.dark)
            if penalty < best?.penalty ?? Int.max { best = (symbol.dark, mask, penalty) }
        }
        guard let best else { return nil }
        (modules, self.version, self.mask) = (best.matrix, version, best.mask)
    }

    /// Mode, count, the bytes, the terminator and padding, as codewords.
    private static func data(_ bytes: [UInt8], version: Int, capacity: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var words = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while words.count < capacity {
            words.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return words
    }

    /// The data split into blocks, each followed by its error correction, interleaved as the symbol reads them.
    private static func interleaved(_ data: [UInt8], _ layout: (ec: Int, data: [Int])) -> [UInt8] {
        var blocks: [[UInt8]] = []
        var start = 0
        for count in layout.data {
            blocks.append(Array(data[start..<start + count]))
            start += count
        }
        let corrections = blocks.map { ReedSolomon.remainder($0, count: layout.ec) }
        var out: [UInt8] = []
        for index in 0..<(layout.data.max() ?? 0) {
            for block in blocks where index < block.count { out.append(block[index]) }
        }
        for index in 0..<layout.ec {
            for correction in corrections { out.append(correction[index]) }
        }
        return out
    }

    /// The standard's four penalties: runs of five or more, 2×2 blocks, finder-like patterns, imbalance.
    static func penalty(_ m: [[Bool]]) -> Int {
        let n = m.count
        var score = 0
        let lines = m + (0..<n).map { x in (0..<n).map { y in m[y][x] } }
        for line in lines {
            var run = 1
            for i in 1..<n {
                if line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            let pattern: [Bool] = [true, false, true, true, true, false, true]
            for i in 0...(n - 7) where Array(line[i..<i + 7]) == pattern {
                let before = i >= 4 && !line[(i - 4)..<i].contains(true)
                let after = i + 11 <= n && !line[(i + 7)..<(i + 11)].contains(true)
                if before || after { score += 40 }
            }
        }
        for y in 0..<(n - 1) {
            for x in 0..<(n - 1) where m[y][x] == m[y][x + 1] && m[y][x] == m[y + 1][x] && m[y][x] == m[y + 1][x + 1] {
                score += 3
            }
        }
        let dark = m.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = n * n
        score += max((abs(dark * 20 - total * 10) + total - 1) / total - 1, 0) * 10
        return score
    }

    /// The symbol as SVG, `moduleSize` units a module, with the four-module quiet zone the standard asks.
    func svg(label: String) -> String {
        let side = size + 8
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 \(side) \(side)" role="img" \
            aria-label="\(MarkupText.escaped(label))" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" \
            fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}

/// The module grid while it is drawn: function patterns first (reserved), then the data, then the format.
private struct Symbol {
    let version: Int
    let size: Int
    var dark: [[Bool]]
    var reserved: [[Bool]]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        reserved = dark
        for (x, y) in [(0, 0), (size - 7, 0), (0, size - 7)] { finder(x, y) }
        for i in 8..<(size - 8) {
            set(i, 6, i % 2 == 0)
            set(6, i, i % 2 == 0)
        }
        // Alignment patterns at every pair of centres but the three the finders hold.
        let centres = QRCodeAlignment.centres(version)
        let corners = [(centres.first, centres.first), (centres.first, centres.last), (centres.last, centres.first)]
        for cy in centres {
            for cx in centres where !corners.contains(where: { $0.0 == cx && $0.1 == cy }) {
                for dy in -2...2 {
                    for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        // The format areas, and the module that is always dark.
        for i in 0...8 {
            reserve(i, 8)
            reserve(8, i)
        }
        for i in 0..<8 {
            reserve(size - 1 - i, 8)
            reserve(8, size - 1 - i)
        }
        set(8, size - 8, true)
        if version >= 7 {
            let bits = Self.versionBits(version)
            for i in 0..<18 {
                let on = (bits >> i) & 1 == 1
                set(size - 11 + i % 3, i / 3, on)
                set(i / 3, size - 11 + i % 3, on)
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ on: Bool) {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return }
        dark[y][x] = on
        reserved[y][x] = true
    }

    private mutating func reserve(_ x: Int, _ y: Int) {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return }
        reserved[y][x] = true
    }

    /// A finder pattern with its white separator.
    private mutating func finder(_ x: Int, _ y: Int) {
        for dy in -1...7 {
            for dx in -1...7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                set(x + dx, y + dy, ring != 2 && ring != 4)
            }
        }
    }

    /// The codewords' bits up and down the two-column strips from the bottom right, skipping the timing column.
    mutating func place(_ codewords: [UInt8], mask: Int) {
        var bit = 0
        let total = codewords.count * 8
        var upward = true
        var x = size - 1
        while x > 0 {
            if x == 6 { x -= 1 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for column in [x, x - 1] where !reserved[y][column] {
                    var on = bit < total && (codewords[bit / 8] >> (7 - bit % 8)) & 1 == 1
                    bit += 1
                    if Self.masked(mask, column, y) { on.toggle() }
                    dark[y][column] = on
                }
            }
            upward.toggle()
            x -= 2
        }
    }

    static func masked(_ mask: Int, _ x: Int, _ y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Level M and the mask, BCH-protected, in both copies.
    mutating func format(mask: Int) {
        let data = (0b00 << 3) | mask
        var bits = data << 10
        for shift in stride(from: 14, through: 10, by: -1) where (bits >> shift) & 1 == 1 {
            bits ^= 0x537 << (shift - 10)
        }
        let code = ((data << 10) | bits) ^ 0x5412
        func on(_ i: Int) -> Bool { (code >> i) & 1 == 1 }
        for i in 0..<6 { dark[i][8] = on(i) }
        dark[7][8] = on(6)
        dark[8][8] = on(7)
        dark[8][7] = on(8)
        for i in 9..<15 { dark[8][14 - i] = on(i) }
        for i in 0..<8 { dark[8][size - 1 - i] = on(i) }
        for i in 8..<15 { dark[size - 15 + i][8] = on(i) }
        dark[size - 8][8] = true
    }

    static func versionBits(_ version: Int) -> Int {
        var bits = version << 12
        for shift in stride(from: 17, through: 12, by: -1) where (bits >> shift) & 1 == 1 {
            bits ^= 0x1F25 << (shift - 12)
        }
        return (version << 12) | bits
    }
}

enum QRCodeAlignment {
    static func centres(_ version: Int) -> [Int] {
        switch version {
        case 2: [6, 18]
        case 3: [6, 22]
        case 4: [6, 26]
        case 5: [6, 30]
        case 6: [6, 34]
        case 7: [6, 22, 38]
        case 8: [6, 24, 42]
        case 9: [6, 26, 46]
        case 10: [6, 28, 50]
        default: []
        }
    }
}

/// Reed-Solomon error correction over GF(256) with the QR polynomial x⁸+x⁴+x³+x²+1.
enum ReedSolomon {
    private static let tables: (exp: [Int], log: [Int]) = {
        var exp = [Int](repeating: 0, count: 512)
        var log = [Int](repeating: 0, count: 256)
        var x = 1
        for i in 0..<255 {
            exp[i] = x
            log[x] = i
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { exp[i] = exp[i - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: Int, _ b: Int) -> Int {
        a == 0 || b == 0 ? 0 : tables.exp[tables.log[a] + tables.log[b]]
    }

    /// The `count` error correction codewords of `data`.
    static func remainder(_ data: [UInt8], count: Int) -> [UInt8] {
        var generator = [1]
        for i in 0..<count {
            var next = [Int](repeating: 0, count: generator.count + 1)
            for (j, coefficient) in generator.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= multiply(coefficient, tables.exp[i])
            }
            generator = next
        }
        var remainder = [Int](repeating: 0, count: count)
        for byte in data {
            let factor = Int(byte) ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for i in 0..<count { remainder[i] ^= multiply(generator[i + 1], factor) }
        }
        return remainder.map { UInt8($0) }
    }
}
