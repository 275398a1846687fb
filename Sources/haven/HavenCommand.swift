import ArgumentParser
import Foundation
import Haven

/// `haven`: parses the command line and hands over to the Haven library.
@main
struct HavenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "haven",
        abstract: "Haven: sites, population and coordination for displacement operations.",
        subcommands: [
            Serve.self, Demo.self, UserCommand.self, Migrate.self, Backup.self, Import.self, Export.self,
            FeedbackCommand.self,
        ])

    static func main() async {
        HavenApp.bootstrapLogging()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch {
            exit(withError: error)
        }
    }
}

/// Runs an operation and turns Haven's errors into a message and exit code 1.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        FileHandle.standardError.write(Data((HavenApp.describe(error) + "\n").utf8))
        throw ExitCode.failure
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve the web and API.")
    @Flag(help: "Load the demo operation first if the database is empty.") var demo = false
    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        try await reportingErrors {
            try await HavenApp.serve(.fromEnvironment(), hostname: hostname, port: port, demo: demo)
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a fictional, realistic operation into an empty database.")
    @Option(help: "Number of sites.") var sites = 300
    @Option(help: "Months of population counts.") var months = 12
    @Option(help: "Seed: the same seed gives the same operation.") var seed: UInt64 = 1
    @Option(help: "Feedback items per open site on top of the demo's (the complaints benchmark uses 250).")
    var feedbackPerSite: Int?

    func run() async throws {
        try await reportingErrors {
            try await HavenApp.demo(
                .fromEnvironment(), sites: sites, months: months, seed: seed, feedbackPerSite: feedbackPerSite)
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account. The password is read from standard input, or generated and printed once.")
        @Option(help: "E-mail address used to log in.") var email: String
        @Option(help: "administrator, coordinator, site_manager, partner or viewer.") var role: String
        @Option(help: "Organisation name or acronym (required for partners).") var organisation: String?
        @Option(parsing: .upToNextOption, help: "Site codes a site manager looks after.") var site: [String] = []
        @Flag(
            help: "A focal point for sensitive feedback (exploitation and abuse, safeguarding, GBV, fraud, security).")
        var feedbackFocalPoint = false

        func run() async throws {
            let typed =
                isatty(STDIN_FILENO) == 0 ? readLine(strippingNewline: true).flatMap { $0.isEmpty ? nil : $0 } : nil
            try await reportingErrors {
                let generated = try await HavenApp.addUser(
                    .fromEnvironment(), email: email, role: role, organisation: organisation,
                    siteCodes: site, feedbackFocalPoint: feedbackFocalPoint, password: typed)
                print("Added \(email).")
                if let generated { print("Password (shown once): \(generated)") }
            }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")

    func run() async throws {
        try await reportingErrors { try await HavenApp.migrate(.fromEnvironment()) }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write data out of Haven.", subcommands: [OpenData.self])

    struct OpenData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open-data",
            abstract: "Write the open-data package for HDX (CSV with HXL, metadata, README) to FILE, a zip.")
        @Argument(help: "The zip file to create.") var file: String

        func run() async throws {
            try await reportingErrors {
                let files = try await HavenApp.exportOpenData(.fromEnvironment(), to: file)
                print("Wrote \(file):")
                for (name, rows) in files { print("  \(name): \(rows) rows") }
            }
        }
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the live SQLite database to FILE (PostgreSQL: prints the pg_dump command).")
    @Argument(help: "The backup file to create.") var file: String

    func run() async throws {
        try await reportingErrors { try await HavenApp.backup(.fromEnvironment(), to: file) }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import administrative areas, their boundaries or sites.",
        subcommands: [AdminAreas.self, Boundaries.self, Sites.self])

    struct AdminAreas: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "admin-areas", abstract: "Import a COD-AB style gazetteer.")
        @Argument(help: "Excel workbook or CSV file with a header row and an optional HXL row.") var file: String

        func run() async throws { try await importFile(.adminAreas, file) }
    }

    struct Boundaries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import the outlines of administrative areas, for the monitoring map.")
        @Argument(help: "GeoJSON FeatureCollection of polygons with a P-code property per feature.") var file: String

        func run() async throws { try await importFile(.boundaries, file) }
    }

    struct Sites: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sites", abstract: "Import or update sites.")
        @Argument(help: "Excel workbook or CSV file with a header row and an optional HXL row.") var file: String

        func run() async throws { try await importFile(.sites, file) }
    }
}

func importFile(_ kind: HavenApp.FileKind, _ file: String) async throws {
    var imported = false
    try await reportingErrors { imported = try await HavenApp.importFile(.fromEnvironment(), kind: kind, path: file) }
    if !imported { throw ExitCode.failure }
}

struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Complaints and feedback.",
        subcommands: [Rekey.self, Digest.self])

    struct Rekey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Seal every confidential value again with the first key of HAVEN_FEEDBACK_KEYS, so that older keys can be dropped."
        )

        func run() async throws {
            try await reportingErrors {
                let count = try await HavenApp.rekeyFeedback(.fromEnvironment())
                print("Sealed \(count) item(s) again with the newest key.")
            }
        }
    }

    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Mail each feedback focal point what is late or due among what they handle (run it daily, e.g. from cron)."
        )

        func run() async throws {
            try await reportingErrors {
                let mailing = try await HavenApp.mailFeedbackDigests(.fromEnvironment())
                if mailing.sent > 0 { print("Mailed \(mailing.sent) focal point(s).") }
                if !mailing.saved.isEmpty {
                    print("HAVEN_MAIL_COMMAND is not set: \(mailing.saved.count) message(s) left in the outbox:")
                    for file in mailing.saved { print("  \(file)") }
                }
                print("\(mailing.nothingDue) focal point(s) had nothing late or due.")
            }
        }
    }
}
