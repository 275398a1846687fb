import Fluent
import Foundation
import Plot
import SQLKit

/// A list of audit events with their field changes, on every record page and the audit page. Fields read as
/// words ("Admin area", not `adminArea`) and an id stands beside the name of what it points at.
struct AuditTable {
    var events: [AuditEvent]
    /// Names of the sites, areas, organisations and accounts the changes point at, by id as written.
    var names: [String: String]

    static func load(_ events: [AuditEvent], on db: any Database) async throws -> AuditTable {
        let ids = Set(
            events.flatMap(\.changes).flatMap { [$0.before, $0.after] }.compactMap { $0 }.compactMap {
                UUID(uuidString: $0)
            })
        guard !ids.isEmpty else { return AuditTable(events: events, names: [:]) }
        struct Row: Decodable {
            var id: UUID
            var name: String
        }
        var names: [String: String] = [:]
        for (table, label) in [
            (Site.schema, "code || ' ' || name"), (AdminArea.schema, "name || ' (' || pcode || ')'"),
            (Organisation.schema, "name"), (User.schema, "name"),
        ] {
            let rows = try await db.sql.raw(
                """
                SELECT id, \(unsafeRaw: label) AS name FROM \(ident: table) WHERE id IN (\(binds: Array(ids)))
                """
            ).all(decoding: Row.self)
            for row in rows { names[row.id.uuidString] = row.name }
        }
        return AuditTable(events: events, names: names)
    }

    /// A field's name as words: `adminArea` is "Admin area", `householdsReached` "Households reached".
    static func label(_ field: String) -> String {
        var words = ""
        for character in field {
            if character.isUppercase, !words.isEmpty { words.append(" ") }
            words.append(contentsOf: character.lowercased())
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func render() -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap audit"),
            .table(
                .thead(.tr(.th("When"), .th("Who"), .th("What"), .th("Changes"))),
                .tbody(
                    .forEach(events) { event in
                        .tr(
                            .td(.text(Format.moment(event.at))), .td(.text(event.actorLabel)),
                            .td(.text("\(event.action.rawValue) \(event.entity) \(event.entityLabel)")),
                            .td(
                                .ul(
                                    .class("changes"),
                                    .forEach(event.changes) { change in
                                        .li(
                                            .strong(.text(Self.label(change.field))),
                                            .text(": \(shown(change.before)) → \(shown(change.after))"))
                                    })))
                    })))
    }

    private func shown(_ value: String?) -> String {
        guard let value else { return "–" }
        return names[value] ?? value
    }
}
