import Fluent
import Foundation

/// A large file checked or imported beside the request that sent it, kept in the database so that any
/// instance behind a load balancer shows its progress and confirms it. The instance doing the work beats
/// a heartbeat; a job whose heartbeat stops is reported as stopped, and since each import is one
/// transaction, nothing half-done was written.
final class ImportJob: Model, @unchecked Sendable {
    static let schema = "import_jobs"

    enum Phase: String, Codable, Sendable { case checking, checked, importing, imported, failed }

    /// A job whose instance has said nothing for this long has stopped.
    static let silence: TimeInterval = 90
    static let heartbeat: Duration = .seconds(15)
    /// Finished jobs are kept this long, for a page reloaded later.
    static let kept: TimeInterval = 7 * 86_400

    @ID(key: .id) var id: UUID?
    @Enum(key: "kind") var kind: ImportKind
    @Field(key: "user_id") var userID: UUID
    @Field(key: "file_name") var fileName: String
    @Enum(key: "phase") var phase: Phase
    @Field(key: "done") var done: Int
    @Field(key: "total") var total: Int
    @OptionalField(key: "preview") var previewJSON: String?
    @OptionalField(key: "staged_id") var stagedID: UUID?
    @OptionalField(key: "failure") var failure: String?
    @Field(key: "heartbeat_at") var heartbeatAt: Date

    init() {}

    init(id: UUID, kind: ImportKind, userID: UUID, fileName: String, now: Date = Date()) {
        self.id = id
        self.kind = kind
        self.userID = userID
        self.fileName = fileName
        phase = .checking
        done = 0
        total = 0
        heartbeatAt = now
    }

    var preview: ImportPreview? {
        get { previewJSON.flatMap { try? JSONDecoder().decode(ImportPreview.self, from: Data($0.utf8)) } }
        set {
            previewJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    func stopped(at now: Date = Date()) -> Bool {
        [.checking, .importing].contains(phase) && now.timeIntervalSince(heartbeatAt) > Self.silence
    }

    /// Changes a job, whichever instance asks.
    static func update(_ id: UUID, on db: any Database, _ change: @Sendable (ImportJob) -> Void) async throws {
        guard let job = try await find(id, on: db) else { return }
        change(job)
        job.heartbeatAt = Date()
        try await job.update(on: db)
    }

    /// A progress reporter for one job: rows done, written where every instance reads them. Not awaited:
    /// it is called inside the import's own transaction, and on SQLite another write waits for that to end.
    static func reporter(for id: UUID, on db: any Database) -> ImportProgress {
        { done, total in Task { try? await beat(id, on: db, done: done, total: total) } }
    }

    /// The heartbeat, with the rows done when there is news: one narrow update, never the stored preview again.
    static func beat(_ id: UUID, on db: any Database, done: Int? = nil, total: Int? = nil) async throws {
        let query = ImportJob.query(on: db).filter(\.$id == id).set(\.$heartbeatAt, to: Date())
        if let done, let total { query.set(\.$done, to: done).set(\.$total, to: total) }
        try await query.update()
    }

    /// The jobs this process is running: never taken for stopped here, whatever their heartbeat says while a
    /// long SQLite transaction holds the writes back.
    static let here = RunningImportJobs()

    /// Beats the job's heartbeat while `work` runs, so that a long step without progress is not taken for a stop.
    static func beating<T: Sendable>(_ id: UUID, on db: any Database, _ work: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: heartbeat)
                    try? await beat(id, on: db)
                }
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() { if let result { return result } }
            throw CancellationError()
        }
    }

    /// Jobs finished long ago go, as a new one comes.
    static func forgetOld(on db: any Database, now: Date = Date()) async throws {
        try await query(on: db).filter(\.$heartbeatAt < now.addingTimeInterval(-kept)).delete()
    }
}

actor RunningImportJobs {
    private var ids: Set<UUID> = []

    func start(_ id: UUID) { ids.insert(id) }
    func end(_ id: UUID) { ids.remove(id) }
    func contains(_ id: UUID) -> Bool { ids.contains(id) }
}

struct CreateImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJob.schema)
            .id()
            .field("kind", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("file_name", .string, .required)
            .field("phase", .string, .required)
            .field("done", .int, .required)
            .field("total", .int, .required)
            .field("preview", .string)
            .field("staged_id", .uuid)
            .field("failure", .string)
            .field("heartbeat_at", .datetime, .required)
            .create()
        try await database.createIndex("import_jobs_heartbeat", on: ImportJob.schema, "heartbeat_at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJob.schema).delete()
    }
}
