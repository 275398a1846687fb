import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

enum DatabaseSetup {
    static func use(_ storage: Settings.Storage, dataDirectory: String, on app: Application) throws {
        switch storage {
        case .sqlite(let path):
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = ["public"]
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        }
    }

    /// SQLite settings that make a field laptop's database fast and safe for several users at once.
    static func tune(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        // FULL: a change is on disk before it is acknowledged, even if the laptop loses power.
        try await sql.raw("PRAGMA synchronous=FULL").run()
        try await sql.raw("PRAGMA busy_timeout=5000").run()
        try await sql.raw("PRAGMA foreign_keys=ON").run()
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
}
