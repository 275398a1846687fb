import Fluent
import Vapor

/// `/users`: administrators list, add, edit, archive and restore accounts, and issue one-time links that let
/// someone choose their own password (shown on screen, or sent by e-mail through the mail path the digest uses).
struct UserPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.users, use: list)
        routes.get(Paths.newUser, use: newForm)
        routes.post(Paths.users, use: create)
        routes.get(Paths.user, use: editForm)
        routes.post(Paths.user, use: update)
        routes.post(Paths.user.archive) { try await setArchived(true, $0) }
        routes.post(Paths.user.restore) { try await setArchived(false, $0) }
        routes.post(Paths.userReset, use: issueReset)
    }

    func list(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let page = try PageRequest(req)
        let model = try await UserListView.Model.load(req, page: page)
        return Layout.response(UserListView(user: admin, model: model, page: page).render())
    }

    func newForm(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        return try await form(req, admin: admin, account: nil, values: ["role": Role.viewer.rawValue], errors: [])
    }

    func create(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let values = try req.content.decode([String: String].self)
        do {
            let input = try await AccountForm(values: values).input(isNew: true, on: req.db)
            let account = try await Accounts.create(input, by: admin.actor, on: req.db, hasher: req.password.sync)
            guard values["password"].nonEmpty == nil else {
                return req.redirect(to: Paths.with(Paths.user.link(try account.requireID()), ["saved": "1"]))
            }
            return try await resetIssued(req, admin: admin, account: account, mail: values["mail"] == "on")
        } catch HavenError.invalid(let errors) {
            return try await form(req, admin: admin, account: nil, values: values, errors: errors)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let account = try await req.find(User.self, named: "Account")
        let codes = try await siteCodes(of: account, on: req.db)
        return try await form(
            req, admin: admin, account: account, values: AccountForm.values(of: account, siteCodes: codes), errors: [],
            notice: req.query["saved"] == "1" ? "Saved." : nil)
    }

    func update(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let account = try await req.find(User.self, named: "Account")
        let values = try req.content.decode([String: String].self)
        do {
            let input = try await AccountForm(values: values).input(isNew: false, on: req.db)
            try await Accounts.update(account, with: input, by: admin.actor, on: req.db, hasher: req.password.sync)
            return req.redirect(to: Paths.with(Paths.user.link(try account.requireID()), ["saved": "1"]))
        } catch HavenError.invalid(let errors) {
            return try await form(req, admin: admin, account: account, values: values, errors: errors)
        }
    }

    /// An archived account is signed out everywhere at once; nobody archives their own.
    func setArchived(_ archived: Bool, _ req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let account = try await req.find(User.self, named: "Account")
        guard !archived || account.id != admin.id else {
            throw HavenError.conflict("You cannot archive your own account.")
        }
        try await Audit.setArchived(archived, account, by: admin.actor, on: req.db)
        if archived { try await UserSession.query(on: req.db).filter(\.$user.$id == account.requireID()).delete() }
        return req.redirect(to: Paths.user.link(try account.requireID()))
    }

    func issueReset(req: Request) async throws -> Response {
        let admin = try req.authorize(.manageUsers)
        let account = try await req.find(User.self, named: "Account")
        guard account.archivedAt == nil else { throw HavenError.conflict("Restore the account first.") }
        let values = try req.content.decode([String: String].self)
        return try await resetIssued(req, admin: admin, account: account, mail: values["mail"] == "on")
    }

    /// Issues the link and shows it once; sends it too when asked.
    private func resetIssued(_ req: Request, admin: UserContext, account: User, mail: Bool) async throws -> Response {
        let issued = try await PasswordReset.issue(for: account, by: admin.actor, on: req.db)
        let settings = req.application.havenSettings
        let base = settings.publicURL.hasSuffix("/") ? String(settings.publicURL.dropLast()) : settings.publicURL
        let link = base + Paths.passwordReset.link(issued.token)
        var delivery: Outbox.Delivery?
        if mail {
            delivery = try Outbox(settings).send(
                to: account.email, subject: "Choose your Haven password",
                body: """
                    An administrator opened this link for your Haven account (\(account.email)):

                    \(link)

                    It works once, until \(Format.moment(issued.expiresAt)). Choose your password there; then log in.
                    """)
        }
        return Layout.response(
            PasswordResetIssuedView(
                user: admin, account: account, link: link, expiresAt: issued.expiresAt, delivery: delivery
            )
            .render())
    }

    private func form(
        _ req: Request, admin: UserContext, account: User?, values: [String: String], errors: [FieldError],
        notice: String? = nil
    ) async throws -> Response {
        let organisations = try await Organisation.query(on: req.db).live().sort(\.$name).all()
        let view = AccountFormView(
            user: admin, account: account, values: values, errors: errors, csrf: req.csrfToken,
            organisations: organisations.compactMap { org in org.id.map { ($0, org.shortName) } }, notice: notice)
        return Layout.response(view.render(), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func siteCodes(of account: User, on db: any Database) async throws -> [String] {
        let ids = try await UserSite.query(on: db).filter(\.$user.$id == account.requireID()).all().map { $0.$site.id }
        guard !ids.isEmpty else { return [] }
        return try await Site.query(on: db).filter(\.$id ~~ ids).all().map(\.code).sorted()
    }
}
