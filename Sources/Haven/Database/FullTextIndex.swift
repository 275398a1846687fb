import Fluent
import Foundation
import SQLKit

/// Full-text search over some of a table's text columns, native to each engine: on SQLite an FTS5 index over
/// the table's rows (external content, kept by triggers on every insert, update and delete), on PostgreSQL a
/// GIN index over the columns' text vector. Words match as prefixes, so "wam" finds "Wame settlement".
enum FullTextIndex {
    static func create(_ table: String, columns: [String], on db: any Database) async throws {
        let sql = db.sql
        guard db.isSQLite else {
            try await sql.raw(
                "CREATE INDEX \(ident: table + "_words") ON \(ident: table) USING GIN (\(unsafeRaw: vector(columns, alias: nil)))"
            ).run()
            return
        }
        let index = table + "_words"
        let names = columns.joined(separator: ", ")
        let new = columns.map { "new." + $0 }.joined(separator: ", ")
        let old = columns.map { "old." + $0 }.joined(separator: ", ")
        // Diacritics removed, so "Kabale" finds "Kabalé"; underscores and dashes split codes into words.
        try await sql.raw(
            """
            CREATE VIRTUAL TABLE \(unsafeRaw: index) USING fts5(\(unsafeRaw: names), content='\(unsafeRaw: table)', \
            content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')
            """
        ).run()
        let remove = "INSERT INTO \(index)(\(index), rowid, \(names)) VALUES ('delete', old.rowid, \(old));"
        let add = "INSERT INTO \(index)(rowid, \(names)) VALUES (new.rowid, \(new));"
        // Only changes of the indexed columns touch the index (a site's population changes with every count).
        for (name, event, body) in [
            ("insert", "INSERT", add), ("delete", "DELETE", remove),
            ("update", "UPDATE OF \(names)", remove + " " + add),
        ] {
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: index)_\(unsafeRaw: name) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table) BEGIN \(unsafeRaw: body) END"
            ).run()
        }
        try await sql.raw("INSERT INTO \(unsafeRaw: index)(\(unsafeRaw: index)) VALUES ('rebuild')").run()
    }

    static func drop(_ table: String, on db: any Database) async throws {
        let index = table + "_words"
        guard db.isSQLite else {
            try await db.sql.raw("DROP INDEX \(ident: index)").run()
            return
        }
        for event in ["insert", "delete", "update"] {
            try await db.sql.raw("DROP TRIGGER \(unsafeRaw: index)_\(unsafeRaw: event)").run()
        }
        try await db.sql.raw("DROP TABLE \(unsafeRaw: index)").run()
    }

    /// The condition that the row of `table` aliased `alias` holds every one of `words`, each as a prefix.
    static func matching(
        _ words: SearchWords, table: String, alias: String, columns: [String], on db: any Database
    ) -> SQLQueryString {
        guard db.isSQLite else {
            let query = words.words.map { $0 + ":*" }.joined(separator: " & ")
            return
                "\(unsafeRaw: vector(columns, alias: alias)) @@ to_tsquery('simple', \(bind: query))"
        }
        let query = words.words.map { "\"\($0)\"*" }.joined(separator: " AND ")
        let index = table + "_words"
        return
            "\(unsafeRaw: alias).rowid IN (SELECT rowid FROM \(unsafeRaw: index) WHERE \(unsafeRaw: index) MATCH \(bind: query))"
    }

    /// The text vector PostgreSQL indexes and searches; the same expression in both, or the index goes unused.
    /// Accents of Latin letters are taken off first, as SQLite's tokenizer does and as the words searched for are:
    /// `unaccent` is an extension a database may not have, and cannot be indexed as it is.
    private static func vector(_ columns: [String], alias: String?) -> String {
        let prefix = alias.map { $0 + "." } ?? ""
        let text = columns.map { "coalesce(\(prefix)\($0), '')" }.joined(separator: " || ' ' || ")
        return "to_tsvector('simple'::regconfig, translate(\(text), '\(accented)', '\(plain)'))"
    }

    static let accented =
        "áÁàÀâÂäÄãÃåÅāĀăĂąĄéÉèÈêÊëËēĒėĖęĘěĚíÍìÌîÎïÏīĪįĮóÓòÒôÔöÖõÕøØōŌőŐúÚùÙûÛüÜūŪůŮűŰçÇćĆčČñÑńŃšŠśŚžŽźŹżŻýÝÿŸđĐ"
    static let plain =
        "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiiiiiiiiiioooooooooooooooouuuuuuuuuuuuuuccccccnnnnsssszzzzzzyyyydd"
}

/// What someone typed in the search box as words the indexes can match: letters and digits only (so no
/// operator of either engine's query language gets through), lower case without accents, at most eight words of
/// 40 characters.
struct SearchWords: Equatable, Sendable {
    let words: [String]

    init(_ text: String) {
        var words: [String] = []
        var current = ""
        // Accents and case folded away, as both engines' indexes hold the words.
        for character in String(text.prefix(200)).folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        {
            if character.isLetter || character.isNumber {
                if current.count < 40 { current.append(character) }
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = Array(words.prefix(8))
    }

    var isEmpty: Bool { words.isEmpty }
}

/// The migration that creates a table's word index, one per searched table.
struct IndexWords: AsyncMigration {
    let table: String
    let columns: [String]

    var name: String { "Haven.IndexWords.\(table)" }

    func prepare(on database: any Database) async throws {
        try await FullTextIndex.create(table, columns: columns, on: database)
    }

    func revert(on database: any Database) async throws {
        try await FullTextIndex.drop(table, on: database)
    }
}
