import Foundation
import PropertyBased
import Testing

@testable import Haven

/// The QR encoder's own rules; the browser tests decode the printed poster's symbol with zxing-cpp, and its
/// symbols for "HELLO WORLD" and 51- to 196-byte addresses (versions 1, 4, 7, 10) were decoded the same way.
@Suite struct QRCodeTests {
    @Test func versionsGrowWithTheTextAndFunctionPatternsAreInPlace() throws {
        for (length, version) in [(11, 1), (51, 4), (115, 7), (196, 10)] {
            let code = try #require(QRCode(String(repeating: "a", count: length)))
            #expect(code.version == version, "\(length) bytes")
            let m = code.modules
            // The three finders' centres are dark, their inner rings light; the timing row alternates.
            for (x, y) in [(3, 3), (code.size - 4, 3), (3, code.size - 4)] {
                #expect(m[y][x] && !m[y + 2][x] && m[y + 3][x], "finder at \(x),\(y)")
            }
            #expect((8..<(code.size - 8)).allSatisfy { m[6][$0] == ($0 % 2 == 0) })
            #expect(m[code.size - 8][8], "the dark module")
        }
    }

    @Test func theMaskChosenHasTheLowestPenalty() async {
        await propertyCheck(input: Gen.letterOrNumber.string(of: 1...60)) { text in
            guard let chosen = QRCode(text) else { return }
            let penalties = (0..<8).compactMap { QRCode(text, mask: $0).map { QRCode.penalty($0.modules) } }
            #expect(QRCode.penalty(chosen.modules) == penalties.min())
            #expect(chosen.size == 17 + 4 * chosen.version)
        }
        #expect(QRCode(String(repeating: "x", count: 213)) != nil && QRCode(String(repeating: "x", count: 214)) == nil)
    }

    @Test func errorCorrectionIsReedSolomonOverTheQRField() {
        let data: [UInt8] = [64, 180, 132, 84, 196, 196, 242, 5, 116, 245, 36, 196, 64, 236, 17, 236]
        #expect(ReedSolomon.remainder(data, count: 10) == [12, 75, 207, 154, 137, 79, 101, 9, 151, 204])
    }

    @Test func theSVGHasAQuietZoneAndAnEscapedLabel() throws {
        let code = try #require(QRCode("https://haven.example.org/feedback?site=A&b=<c>"))
        let svg = code.svg(label: "Feedback form <of> A")
        #expect(svg.contains("viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\"") && !svg.contains("<of>"))
    }
}
