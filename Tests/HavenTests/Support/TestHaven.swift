import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Runs a test against a fresh, migrated Haven: a new SQLite file, or a new PostgreSQL database
/// when `DATABASE_URL` points at a server. The same tests therefore run on both engines.
func withHaven(adjust: (inout Settings) -> Void = { _ in }, _ body: (Application) async throws -> Void) async throws {
    let database = try await TestDatabase.make()
    let app = try await Application.make(.testing)
    do {
        var settings = Settings(storage: database.storage, dataDirectory: database.directory)
        adjust(&settings)
        try await configure(app, settings: settings)
        try await app.autoMigrate()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await database.drop()
        throw error
    }
    try await app.asyncShutdown()
    try await database.drop()
}

struct TestDatabase {
    var storage: Settings.Storage
    var directory: String
    var postgresName: String?

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.hasPrefix("postgres") ? $0 : nil }
    }

    static var engine: String { postgresURL == nil ? "SQLite" : "PostgreSQL" }

    static func make() async throws -> TestDatabase {
        let directory = NSTemporaryDirectory() + "haven-test-" + UUID().uuidString
        guard let base = postgresURL else {
            return TestDatabase(storage: .sqlite(path: directory + "/haven.sqlite"), directory: directory)
        }
        let name = "haven_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await admin(base) { try await $0.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
        let url = base.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression)
        return TestDatabase(storage: .postgres(url: url), directory: directory, postgresName: String(name))
    }

    func drop() async throws {
        if let postgresName, let base = Self.postgresURL {
            try await Self.admin(base) {
                try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: postgresName) WITH (FORCE)").run()
            }
        } else {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// A short-lived connection to the server's maintenance database.
    private static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try DatabaseSetup.use(
                Settings(storage: .postgres(url: url), dataDirectory: NSTemporaryDirectory()), on: app)
            try await body(app.db.sql)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
