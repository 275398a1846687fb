/// LIKE patterns with `!` as the escape character, so that `_` and `%` in people's text match only themselves.
/// Use with `ESCAPE '!'`, which both engines understand.
enum LikePattern {
    static func startingWith(_ prefix: String) -> String { escaped(prefix) + "%" }

    static func containing(_ text: String) -> String { "%" + escaped(text) + "%" }

    private static func escaped(_ text: String) -> String {
        var pattern = ""
        for character in text {
            if "!_%".contains(character) { pattern.append("!") }
            pattern.append(character)
        }
        return pattern
    }
}
