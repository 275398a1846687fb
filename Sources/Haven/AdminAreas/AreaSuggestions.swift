import Fluent
import Plot
import SQLKit

/// The areas an area filter suggests as people type (a `<datalist>`): provinces and districts by P-code with
/// their names, at most `limit`, so that a page stays small on a slow link.
struct AreaSuggestions: Sendable {
    var areas: [(pcode: String, name: String)] = []

    static let limit = 400
    static let listID = "area-suggestions"

    static func load(on db: any Database) async throws -> AreaSuggestions {
        struct Row: Decodable {
            var pcode: String
            var name: String
        }
        let rows = try await db.sql.raw(
            """
            SELECT pcode, name FROM \(ident: AdminArea.schema)
            WHERE archived_at IS NULL AND level BETWEEN 1 AND 2 ORDER BY level, name LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self)
        return AreaSuggestions(areas: rows.map { ($0.pcode, $0.name) })
    }

    /// The suggestions: the P-code is what goes in the field (names can be shared), the name what people read.
    var datalist: Node<HTML.FormContext> {
        .element(
            named: "datalist",
            nodes: [
                .id(Self.listID),
                .forEach(areas) { area in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: MarkupText.escaped(area.pcode)),
                            .attribute(named: "label", value: MarkupText.escaped(area.name)),
                        ])
                },
            ])
    }
}
