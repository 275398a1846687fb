import Foundation
import Vapor

/// Everything an operator can configure, read once from the environment at start.
public struct Settings: Sendable {
    public enum Storage: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var storage: Storage
    public var dataDirectory: String
    /// How long a login lasts without being renewed.
    public var sessionLifetime: TimeInterval
    /// Send cookies with `Secure`; turn off only for plain-HTTP field laptops.
    public var secureCookies: Bool
    public var failedLoginLimit: Int
    public var failedLoginWindow: TimeInterval
    /// Files with more rows than this are checked and imported in the background, with progress shown.
    public var backgroundImportRows: Int
    /// The keys that seal confidential feedback, `id:base64,…`, newest first; a key file in the data folder when nil.
    public var feedbackKeyring: String?
    /// Feedback sent through the public form per address and hour.
    public var publicFeedbackPerHour: Int
    /// Figures about people who gave feedback below this count are shown as "fewer than N".
    public var smallCellThreshold: Int
    /// Counts of people's feedback below this are not shown, unless `HAVEN_SMALL_CELL_THRESHOLD` says otherwise.
    public static let defaultSmallCellThreshold = 5
    /// The feedback hotline printed on site posters, when there is one.
    public var feedbackHotline: String?
    /// The languages of the pages residents read, the first being the default (`en`, `fr`, `es`, `ar` built in).
    public var languages: [String]
    /// A folder of `<language>.json` files that add languages or reword the built-in ones.
    public var wordingDirectory: String?
    /// The command that takes an e-mail on its input and sends it (`/usr/sbin/sendmail -t`); without one,
    /// mail is left in the data folder's `outbox`.
    public var mailCommand: String?
    public var mailFrom: String
    /// The address people reach Haven at, for links in e-mail.
    public var publicURL: String
    /// Reverse proxies whose `X-Forwarded-For` names the client (`HAVEN_TRUSTED_PROXIES`, comma-separated
    /// addresses or networks); none by default, so the header is ignored.
    public var trustedProxies: [ClientAddress.Network]
    /// The bearer token a Prometheus scraper sends to `/metrics`; without one, `/metrics` is not served.
    public var metricsToken: String?
    /// A PostgreSQL read replica (`DATABASE_READ_URL`) that dashboards, figures and public pages read from.
    public var readReplicaURL: String?
    /// PostgreSQL connections each event loop may open (`HAVEN_DB_CONNECTIONS`); SQLite always uses one.
    public var databaseConnections: Int
    /// What the open-data package says about itself (`HAVEN_OPEN_DATA_*`).
    public var openData: OpenDataSettings

    public init(
        storage: Storage,
        dataDirectory: String = "./haven-data",
        sessionLifetime: TimeInterval = 12 * 3600,
        secureCookies: Bool = false,
        failedLoginLimit: Int = 5,
        failedLoginWindow: TimeInterval = 15 * 60,
        backgroundImportRows: Int = 2000,
        feedbackKeyring: String? = nil,
        publicFeedbackPerHour: Int = 10,
        smallCellThreshold: Int = Settings.defaultSmallCellThreshold,
        feedbackHotline: String? = nil,
        languages: [String] = ["en"],
        wordingDirectory: String? = nil,
        mailCommand: String? = nil,
        mailFrom: String = "Haven <haven@localhost>",
        publicURL: String = "http://localhost:8080",
        trustedProxies: [ClientAddress.Network] = [],
        metricsToken: String? = nil,
        readReplicaURL: String? = nil,
        databaseConnections: Int = 4,
        openData: OpenDataSettings = OpenDataSettings()
    ) {
        self.storage = storage
        self.dataDirectory = dataDirectory
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.failedLoginLimit = failedLoginLimit
        self.failedLoginWindow = failedLoginWindow
        self.backgroundImportRows = backgroundImportRows
        self.feedbackKeyring = feedbackKeyring
        self.publicFeedbackPerHour = publicFeedbackPerHour
        self.smallCellThreshold = smallCellThreshold
        self.feedbackHotline = feedbackHotline
        self.languages = languages
        self.wordingDirectory = wordingDirectory
        self.mailCommand = mailCommand
        self.mailFrom = mailFrom
        self.publicURL = publicURL
        self.trustedProxies = trustedProxies
        self.metricsToken = metricsToken
        self.readReplicaURL = readReplicaURL
        self.databaseConnections = databaseConnections
        self.openData = openData
    }

    /// `DATABASE_URL` (postgres://…) selects PostgreSQL; otherwise SQLite under `HAVEN_DATA_DIR`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
        let dataDirectory = env["HAVEN_DATA_DIR"].nonEmpty ?? "./haven-data"
        let storage: Storage
        if let url = env["DATABASE_URL"].nonEmpty, url.hasPrefix("postgres") {
            storage = .postgres(url: url)
        } else {
            storage = .sqlite(path: dataDirectory + "/haven.sqlite")
        }
        return Settings(
            storage: storage,
            dataDirectory: dataDirectory,
            sessionLifetime: (env["HAVEN_SESSION_HOURS"].flatMap(Double.init) ?? 12) * 3600,
            secureCookies: env["HAVEN_SECURE_COOKIES"] == "true",
            failedLoginLimit: env["HAVEN_LOGIN_ATTEMPTS"].flatMap(Int.init) ?? 5,
            failedLoginWindow: (env["HAVEN_LOGIN_WINDOW_MINUTES"].flatMap(Double.init) ?? 15) * 60,
            backgroundImportRows: env["HAVEN_IMPORT_BACKGROUND_ROWS"].flatMap(Int.init) ?? 2000,
            feedbackKeyring: env["HAVEN_FEEDBACK_KEYS"].nonEmpty,
            publicFeedbackPerHour: env["HAVEN_PUBLIC_FEEDBACK_PER_HOUR"].flatMap(Int.init) ?? 10,
            smallCellThreshold: env["HAVEN_SMALL_CELL_THRESHOLD"].flatMap(Int.init)
                ?? Settings.defaultSmallCellThreshold,
            feedbackHotline: env["HAVEN_FEEDBACK_HOTLINE"].nonEmpty,
            languages: (env["HAVEN_LANGUAGES"].nonEmpty ?? "en").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            .filter { !$0.isEmpty },
            wordingDirectory: env["HAVEN_WORDING_DIR"].nonEmpty,
            mailCommand: env["HAVEN_MAIL_COMMAND"].nonEmpty,
            mailFrom: env["HAVEN_MAIL_FROM"].nonEmpty ?? "Haven <haven@localhost>",
            publicURL: (env["HAVEN_PUBLIC_URL"].nonEmpty ?? "http://localhost:8080").trimmingCharacters(
                in: CharacterSet(charactersIn: "/")),
            trustedProxies: (env["HAVEN_TRUSTED_PROXIES"] ?? "").split(separator: ",").compactMap {
                ClientAddress.Network(String($0))
            },
            metricsToken: env["HAVEN_METRICS_TOKEN"].nonEmpty,
            readReplicaURL: env["DATABASE_READ_URL"].nonEmpty.flatMap { $0.hasPrefix("postgres") ? $0 : nil },
            databaseConnections: min(max(env["HAVEN_DB_CONNECTIONS"].flatMap(Int.init) ?? 4, 1), 64),
            openData: OpenDataSettings(env)
        )
    }

    /// The most database connections one instance opens, with `loops` event loops.
    func poolSize(loops: Int) -> Int {
        if case .sqlite = storage { return loops }
        return (databaseConnections + (readReplicaURL == nil ? 0 : databaseConnections)) * loops
    }
}

extension Optional where Wrapped == String {
    /// The string when it holds something other than whitespace.
    var nonEmpty: String? {
        guard let value = self?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

struct SettingsKey: StorageKey {
    typealias Value = Settings
}

extension Application {
    var havenSettings: Settings { storage[SettingsKey.self]! }
}

/// The open-data package's own description, as HDX asks for it.
public struct OpenDataSettings: Sendable {
    /// The operation the data are about, in titles: "Borealia"; none by default.
    public var operation: String
    /// Who the data come from: "CCCM Cluster Borealia".
    public var source: String
    public var licence: String
    /// Whom to ask about the data: an address or a team.
    public var contact: String

    public init(
        operation: String = "", source: String = "CCCM Cluster",
        licence: String = "Creative Commons Attribution for Intergovernmental Organisations (CC BY-IGO)",
        contact: String = ""
    ) {
        (self.operation, self.source, self.licence, self.contact) = (operation, source, licence, contact)
    }

    init(_ env: [String: String]) {
        let defaults = OpenDataSettings()
        self.init(
            operation: env["HAVEN_OPERATION_NAME"].nonEmpty ?? defaults.operation,
            source: env["HAVEN_OPEN_DATA_SOURCE"].nonEmpty ?? defaults.source,
            licence: env["HAVEN_OPEN_DATA_LICENCE"].nonEmpty ?? defaults.licence,
            contact: env["HAVEN_OPEN_DATA_CONTACT"].nonEmpty ?? defaults.contact)
    }
}
