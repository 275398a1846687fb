import Fluent
import Vapor

/// An account as administrators read it; the password hash never leaves the server.
struct UserBody: Content {
    var id: UUID
    var email: String
    var name: String
    var role: Role
    var organisationId: UUID?
    var siteIds: [UUID]
    var feedbackFocalPoint: Bool
    var archived: Bool

    init(_ user: User, siteIds: [UUID]) throws {
        id = try user.requireID()
        email = user.email
        name = user.name
        role = user.role
        organisationId = user.$organisation.id
        self.siteIds = siteIds
        feedbackFocalPoint = user.feedbackFocalPoint
        archived = user.archivedAt != nil
    }

    init(_ user: User, on db: any Database) async throws {
        try self.init(user, siteIds: try await Self.assignments(of: [user.requireID()], on: db)[user.requireID()] ?? [])
    }

    /// The sites each of these users looks after, in one query.
    static func assignments(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [UUID]] {
        guard !userIDs.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await UserSite.query(on: db).filter(\.$user.$id ~~ userIDs).all(), by: { $0.$user.id }
        )
        .mapValues { $0.map { $0.$site.id } }
    }
}

/// `/api/v1/users`: accounts, for administrators only.
struct UserAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: show)
        users.put(":id", use: update)
        users.archiveAndRestore(":id", use: setArchived)
    }

    func list(req: Request) async throws -> Page<UserBody> {
        try req.authorize(.manageUsers)
        let page = try PageRequest(req)
        let query = User.query(on: req.db)
        if let q = (req.query["q"] as String?).nonEmpty { query.filter(\.$email ~~ q.lowercased()) }
        let (users, total) = try await query.sort(\.$email).fetchPage(page)
        let sites = try await UserBody.assignments(of: users.compactMap(\.id), on: req.db)
        return Page(
            items: try users.map { try UserBody($0, siteIds: sites[$0.id!] ?? []) }, total: total, request: page)
    }

    func show(req: Request) async throws -> UserBody {
        try req.authorize(.manageUsers)
        return try await UserBody(try await req.find(User.self, named: "User"), on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let input = try req.content.decode(AccountInput.self)
        let user = try await Accounts.create(input, by: admin.actor, on: req.db, hasher: req.password.sync)
        return try await UserBody(user, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> UserBody {
        let admin = try req.authorize(.manageUsers)
        let user = try await req.find(User.self, named: "User")
        try await Accounts.update(
            user, with: try req.content.decode(AccountInput.self), by: admin.actor, on: req.db,
            hasher: req.password.sync)
        return try await UserBody(user, on: req.db)
    }

    /// An archived account is signed out everywhere at once; nobody archives their own.
    func setArchived(_ archived: Bool, _ req: Request) async throws -> UserBody {
        let admin = try req.authorize(.manageUsers)
        let user = try await req.find(User.self, named: "User")
        guard !archived || user.id != admin.id else {
            throw HavenError.conflict("You cannot archive your own account.")
        }
        try await Audit.setArchived(archived, user, by: admin.actor, on: req.db)
        if archived { try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).delete() }
        return try await UserBody(user, on: req.db)
    }
}
