import Fluent
import Foundation
import SQLKit

/// A rule that says "one" among the records not archived (one live 5W line per key, one target per scope,
/// one count per site and day), kept by a partial unique index: a check before writing cannot see a
/// concurrent writer's rows, the index can. Records an earlier version let through twice are archived
/// first, audited, keeping the newest of each group.
enum LiveUniqueIndex {
    static let actor = Actor.commandLine("migration: one live record where a rule says one")

    private struct Row: Decodable {
        var id: UUID
        var key: String
    }

    static func create<M: Audited>(
        _ name: String, for type: M.Type, columns: [String], newestFirst order: String,
        on db: any Database
    ) async throws where M.IDValue == UUID {
        let key = SQLList(
            columns.map { SQLFunction("COALESCE", args: SQLRaw("CAST(\(column($0)) AS TEXT)"), SQLLiteral.string("")) },
            separator: SQLRaw(" || '|' || "))
        let rows = try await db.sql.select().column(SQLIdentifier("id")).column(SQLAlias(key, as: SQLIdentifier("key")))
            .from(M.schema).where(SQLIdentifier("archived_at"), .is, SQLLiteral.null)
            .orderBy(SQLRaw(order)).orderBy(SQLIdentifier("id")).all(decoding: Row.self)
        let extras = Dictionary(grouping: rows, by: \.key).values.flatMap { $0.dropFirst().map(\.id) }
        for id in extras {
            if let record = try await M.find(id, on: db) { try await Audit.archive(record, by: actor, on: db) }
        }
        try await db.sql.raw(
            """
            CREATE UNIQUE INDEX \(ident: name) ON \(ident: M.schema) (\(unsafeRaw: columns.map { column($0) }.joined(separator: ", "))) \
            WHERE archived_at IS NULL
            """
        ).run()
    }

    static func drop(_ name: String, on db: any Database) async throws {
        try await db.sql.drop(index: name).run()
    }

    /// A column name quoted as both engines read it; the names are Haven's own, never input.
    private static func column(_ name: String) -> String { "\"\(name)\"" }
}
