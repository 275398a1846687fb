import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A submission as sent: which form, and the text of each answer by its path below the root.
struct ODKSubmission {
    var formID: String
    var values: [String: String]

    static func read(_ data: Data) throws -> ODKSubmission {
        let reader = FlatXMLReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        let parsed = parser.parse()
        guard parsed, reader.depth == 0, let root = reader.rootAttributes else {
            let why =
                parser.parserError.map { "\($0.localizedDescription)" }
                ?? (reader.rootAttributes == nil ? "it has no root element" : "it ends before its elements are closed")
            throw HavenError.badRequest("The submission is not well-formed XML: \(why).")
        }
        return ODKSubmission(formID: root["id"] ?? "", values: reader.values)
    }

    /// The instance ID and the site code every Haven form carries, each missing one named in `errors`.
    func identity(_ errors: inout [FieldError]) -> (instanceID: String, siteCode: String) {
        let instanceID = values["meta/instanceID"] ?? ""
        if instanceID.isEmpty {
            errors.append(FieldError("meta/instanceID", "is missing: every submission needs its instance ID"))
        }
        let site = values["site"] ?? ""
        if site.isEmpty { errors.append(FieldError("site", "is required")) }
        return (instanceID, site)
    }
}

/// Collects the text of each leaf element by its path below the root (`site`, `meta/instanceID`).
private final class FlatXMLReader: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String]?
    var values: [String: String] = [:]
    /// Elements opened and not yet closed; a complete document ends at zero.
    private(set) var depth = 0
    private var path: [String] = []
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if rootAttributes == nil { rootAttributes = attributes } else { path.append(name) }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        guard !path.isEmpty else { return }
        let key = path.joined(separator: "/")
        if values[key] == nil { values[key] = text.trimmed }
        path.removeLast()
        text = ""
    }
}
