import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

enum DatabaseSetup {
    static func use(_ settings: Settings, on app: Application) throws {
        switch settings.storage {
        case .sqlite(let path):
            try privateFile(path, in: settings.dataDirectory)
            app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            try usePostgres(url, connections: settings.databaseConnections, as: .psql, on: app)
            if let replica = settings.readReplicaURL {
                try usePostgres(
                    replica, connections: settings.databaseConnections, as: .readReplica, on: app, isDefault: false)
            }
        }
    }

    private static func usePostgres(
        _ url: String, connections: Int, as id: DatabaseID, on app: Application, isDefault: Bool? = nil
    ) throws {
        var config = try SQLPostgresConfiguration(url: url)
        config.searchPath = ["public"]
        app.databases.use(
            .postgres(configuration: config, maxConnectionsPerEventLoop: connections, sqlLogLevel: .trace), as: id,
            isDefault: isDefault)
    }

    /// SQLite settings that make a field laptop's database fast and safe for several users at once.
    static func tune(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        // FULL: a change is on disk before it is acknowledged, even if the laptop loses power.
        try await sql.raw("PRAGMA synchronous=FULL").run()
        try await sql.raw("PRAGMA busy_timeout=5000").run()
        try await sql.raw("PRAGMA foreign_keys=ON").run()
        // What is overwritten (text re-sealed as sensitive, archived values) is zeroed, not left in free pages.
        try await sql.raw("PRAGMA secure_delete=ON").run()
    }

    /// The data folder readable by Haven's own account only (0700), and the database file too (0600):
    /// SQLite gives its journal files the database file's permissions.
    static func privateFile(_ path: String, in directory: String) throws {
        let files = FileManager.default
        if !files.fileExists(atPath: directory) {
            try files.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if files.fileExists(atPath: path) {
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } else if !files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw HavenError.badRequest(
                "Cannot create the database file \(path): check that the data folder can be written.")
        }
    }

    /// Runs start-up work (migrations, the demo load) in one instance at a time: instances started together
    /// on one PostgreSQL database wait on an advisory lock held by a transaction of its own, so the second
    /// finds the first's migrations done. SQLite serves one process and needs no lock.
    static func exclusively(_ db: any Database, _ body: @escaping @Sendable () async throws -> Void) async throws {
        guard !db.isSQLite else { return try await body() }
        try await db.transaction { tx in
            try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(bind: startUpLock))").run()
            try await body()
        }
    }

    /// The advisory lock's key: "haven" in ASCII, so that other applications sharing the server are unlikely to take it.
    static let startUpLock: Int64 = 0x68_61_76_65_6E

    /// Moves SQLite's write-ahead log into the database and empties it, where nothing is reading at that moment.
    static func checkpoint(_ db: any Database) async {
        guard db.isSQLite else { return }
        _ = try? await db.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
    }
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Fluent's schema builder cannot declare plain indexes, so hot-query indexes go through SQLKit.
    func createIndex(_ name: String, on table: String, _ columns: String..., unique: Bool = false) async throws {
        var builder = sql.create(index: name).on(table)
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    /// An index over the records not archived, which is what lists and their totals read. Columns may say
    /// `DESC`, so that a list sorted newest first reads the index in order instead of sorting every row.
    func createLiveIndex(_ name: String, on table: String, _ columns: String...) async throws {
        try await sql.raw(
            """
            CREATE INDEX \(ident: name) ON \(ident: table) (\(unsafeRaw: columns.joined(separator: ", "))) \
            WHERE archived_at IS NULL
            """
        ).run()
    }
}
