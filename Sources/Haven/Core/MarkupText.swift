/// Text placed in HTML, SVG or XML (pages, charts, XForms, workbooks), inside an element or an attribute.
/// The five characters markup gives meaning to become references, and the control characters XML 1.0
/// cannot carry (and HTML calls errors) are dropped; tabs and line breaks stay.
enum MarkupText {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
