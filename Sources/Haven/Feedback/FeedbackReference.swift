import Foundation

/// References people are given for their feedback: `FB-7K2P9-4QXAM`, with no letters that read alike. Ten
/// characters of 31 make a million references collide with odds of about 1 in 1,600, and a new one with any
/// of them about 1 in a billion.
enum FeedbackReference {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let code = (0..<10).map { _ in String(alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))]) }
            .joined()
        return "FB-\(code.prefix(5))-\(code.suffix(5))"
    }

    /// A reference as a person types it: any case, spaces or dashes anywhere.
    static func normalise(_ text: String) -> String {
        let letters = text.uppercased().filter { $0.isLetter || $0.isNumber }
        let code = letters.hasPrefix("FB") ? String(letters.dropFirst(2)) : letters
        guard code.count == 10 else { return text }
        return "FB-\(code.prefix(5))-\(code.suffix(5))"
    }
}
