import Plot

// Plot escapes text between tags but writes attribute values exactly as given, so a search term, a `next`
// address or a site's name holding `"` closed the attribute and became markup. Every attribute value that
// can hold text from outside goes through `MarkupText.escaped`, or through these for `value`
// (`RenderingSafetyTests` fails on a `.value(…)` or `attribute(named:value:)` that does not).

extension Node where Context: HTMLValueContext {
    /// A `value` attribute holding any text.
    static func value(escaping text: String) -> Node {
        .attribute(named: "value", value: MarkupText.escaped(text))
    }
}

extension Attribute where Context: HTMLValueContext {
    /// A `value` attribute holding any text, inside an element's attribute list.
    static func value(escaping text: String) -> Attribute {
        Attribute(name: "value", value: MarkupText.escaped(text))
    }
}
