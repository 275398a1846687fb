import Fluent
import FluentPostgresDriver
import Foundation
import Logging
import SQLKit
import Vapor

/// What the `haven` command can ask of the application; each operation opens the database, migrates, acts.
public enum HavenApp {
    /// Log lines go to standard error at `HAVEN_LOG_LEVEL` (debug … critical, default info), as text or,
    /// with `HAVEN_LOG_FORMAT=json`, as JSON lines. Trace is never emitted: the database drivers log SQL
    /// with its values there.
    public static func bootstrapLogging(_ env: [String: String] = ProcessInfo.processInfo.environment) {
        let level = max(env["HAVEN_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info, .debug)
        let json = env["HAVEN_LOG_FORMAT"]?.lowercased() == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// A configured application; the caller shuts it down.
    public static func make(_ settings: Settings, environment: Environment = .production) async throws -> Application {
        var env = environment
        env.arguments = ["haven"]
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            try await DatabaseSetup.exclusively(app.db) {
                try await app.autoMigrate()
                try await FeedbackKeyCheck.verify(app.feedbackCipher, on: app.db)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    public static func serve(_ settings: Settings, hostname: String, port: Int, demo: Bool) async throws {
        let app = try await make(settings)
        if demo {
            try await DatabaseSetup.exclusively(app.db) {
                guard try await DemoLoader.isEmpty(app.db) else { return }
                let summary = try await DemoLoader.load(
                    sites: 300, months: 12, seed: 1, cipher: app.feedbackCipher, on: app.db)
                print(demoSummary(summary))
                // Standard output is a file or a pipe when Haven runs as a service: without this the logins
                // waited in the buffer until it filled or the server stopped.
                fflush(nil)
            }
        }
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        app.environment.arguments = ["haven", "serve"]
        do {
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    public static func migrate(_ settings: Settings) async throws {
        try await with(settings) { _ in print("The database is up to date.") }
    }

    public static func demo(_ settings: Settings, sites: Int, months: Int, seed: UInt64, feedbackPerSite: Int? = nil)
        async throws
    {
        try await with(settings) { app in
            let started = Date()
            let summary = try await DemoLoader.load(
                sites: sites, months: months, seed: seed, cipher: app.feedbackCipher, on: app.db)
            print(demoSummary(summary))
            if let feedbackPerSite {
                let loaded = try await DemoLoader.loadFeedback(
                    perSite: feedbackPerSite, seed: seed, cipher: app.feedbackCipher, on: app.db)
                try await app.db.sql.raw("ANALYZE").run()
                print("Feedback for the benchmark: \(loaded) items.")
            }
            print(String(format: "Loaded in %.1f s.", Date().timeIntervalSince(started)))
        }
    }

    public static func addUser(
        _ settings: Settings, email: String, role: String, organisation: String?,
        siteCodes: [String], feedbackFocalPoint: Bool = false, password: String?
    ) async throws -> String? {
        try await with(settings) { app in
            guard let role = Role(loose: role) else {
                throw HavenError.invalid([FieldError("role", "'\(role)' is not a role; use one of \(Role.codeList)")])
            }
            var orgID: UUID?
            if let organisation {
                let org = try await Organisation.query(on: app.db).group(.or) {
                    $0.filter(\.$acronym == organisation).filter(\.$name == organisation)
                }.first()
                guard let org else {
                    throw HavenError.invalid([
                        FieldError("organisation", "'\(organisation)' is not a known organisation")
                    ])
                }
                orgID = org.id
            }
            let sites = try await Site.query(on: app.db).filter(\.$codeKey ~~ siteCodes.map(Site.key)).all()
            let unknown = Set(siteCodes.map(Site.key)).subtracting(sites.map(\.codeKey))
            if !unknown.isEmpty {
                throw HavenError.invalid([
                    FieldError("site", "unknown site code(s): \(unknown.sorted().joined(separator: ", "))")
                ])
            }
            let generated = password == nil ? [UInt8].random(count: 12).base64URLEncoded : nil
            let input = AccountInput(
                email: email, name: nil, role: role, organisationId: orgID, siteIds: sites.compactMap(\.id),
                feedbackFocalPoint: feedbackFocalPoint, password: password ?? generated)
            _ = try await Accounts.create(input, by: .commandLine("user add"), on: app.db, hasher: app.password.sync)
            return generated
        }
    }

    /// Seals every confidential value again with the newest key of the ring, so that older keys can be dropped.
    /// Returns how many items were sealed again.
    public static func rekeyFeedback(_ settings: Settings) async throws -> Int {
        try await with(settings) { app in try await FeedbackRekey.run(cipher: app.feedbackCipher, on: app.db) }
    }

    /// Mails each feedback focal point what is late or due among what they handle.
    public static func mailFeedbackDigests(_ settings: Settings) async throws -> (
        sent: Int, saved: [String], nothingDue: Int
    ) {
        try await with(settings) { app in
            let outbox = Outbox(settings)
            let mailing = try await FeedbackDigest.mailFocalPoints(
                outbox: outbox, baseURL: settings.publicURL, on: app.db)
            return (mailing.sent, mailing.saved, mailing.nothingDue)
        }
    }

    /// The open-data package written to `file` (a zip); returns its files and their rows.
    public static func exportOpenData(_ settings: Settings, to file: String) async throws -> [(String, Int)] {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw HavenError.conflict("\(file) already exists; choose a new file name.")
        }
        return try await with(settings) { app in
            let context = OpenDataContext(db: app.db, today: .today(), smallCellThreshold: settings.smallCellThreshold)
            let package = try await OpenDataPackage.make(context, settings: settings.openData)
            try package.write(to: URL(fileURLWithPath: file))
            return package.files.map { ($0.name, $0.rows.count) }
        }
    }

    /// A consistent copy of a live SQLite database; PostgreSQL is backed up with its own tools.
    public static func backup(_ settings: Settings, to file: String) async throws {
        guard case .sqlite = settings.storage else {
            print("PostgreSQL is backed up with its own tool, for example:")
            print("  pg_dump --format=custom --file=\(file) \"$DATABASE_URL\"")
            return
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            throw HavenError.conflict(
                "\(file) already exists; choose a new file name so that no backup is overwritten.")
        }
        try await with(settings) { app in
            try await app.db.sql.raw("VACUUM INTO \(bind: file)").run()
            print("Backed up to \(file).")
        }
    }

    public enum FileKind: String, Sendable {
        case sites
        case adminAreas = "admin-areas"
        case boundaries
    }

    /// Checks the file, prints every problem, and writes only when there are none.
    public static func importFile(_ settings: Settings, kind: FileKind, path: String) async throws -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HavenError.badRequest("\(path) cannot be read.")
        }
        if kind == .boundaries { return try await importBoundaries(settings, data: data, path: path) }
        let text = try Table.csvText(of: data)
        return try await with(settings) { app in
            let staged: ImportKind = kind == .sites ? .sites : .adminAreas
            let preview = try await Imports.preview(staged, text: text, user: nil, on: app.db)
            guard preview.canCommit else {
                if !preview.missingColumns.isEmpty {
                    print("Missing columns: " + preview.missingColumns.joined(separator: "; "))
                }
                for error in preview.errors { print(error.sentence) }
                print("Nothing was imported: \(preview.errors.count) problem(s) in \(preview.rows) rows.")
                return false
            }
            let done = try await Imports.commit(
                staged, text: text, user: nil, by: .commandLine("import \(kind.rawValue)"), on: app.db)
            print("Imported \(path): \(done.creates) added, \(done.updates) updated, \(done.unchanged) unchanged.")
            return true
        }
    }

    private static func importBoundaries(_ settings: Settings, data: Data, path: String) async throws -> Bool {
        try await with(settings) { app in
            let plan = try await BoundaryImport.plan(data, on: app.db)
            guard plan.problems.isEmpty else {
                for problem in plan.problems { print(problem) }
                print("Nothing was imported: \(plan.problems.count) problem(s).")
                return false
            }
            let done = try await BoundaryImport.commit(plan, by: .commandLine("import boundaries"), on: app.db)
            print(
                "Imported \(path): \(done.added) outlines added, \(done.updated) updated, \(done.unchanged) unchanged.")
            return true
        }
    }

    private static func with<T>(_ settings: Settings, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await make(settings)
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func demoSummary(_ s: DemoLoader.Summary) -> String {
        var lines = [
            "Demo operation loaded: \(Format.number(s.areas)) areas, \(Format.number(s.sites)) sites, \(Format.number(s.counts)) population counts, \(Format.number(s.rounds)) monitoring rounds.",
            "Demo logins (password \(DemoLoader.Summary.password)):",
        ]
        lines += s.logins.map { "  \($0.email)  (\($0.role))" }
        return lines.joined(separator: "\n")
    }

    /// A person-readable sentence for any error the CLI reports.
    public static func describe(_ error: any Error) -> String {
        // PostgreSQL's own message and code say what went wrong (a refused password, a missing database); its
        // detail and the query may hold data, so they stay out.
        if let postgres = error as? PSQLError {
            let message = postgres.serverInfo?[.message] ?? "\(postgres.code)"
            return "PostgreSQL: \(message)" + (postgres.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        guard let haven = error as? HavenError else { return "\(error)" }
        if case .invalid(let errors) = haven {
            return errors.map { "\($0.field): \($0.message)" }.joined(separator: "\n")
        }
        return haven.detail
    }
}
