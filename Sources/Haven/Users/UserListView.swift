import Fluent
import Plot
import Vapor

/// The accounts, for administrators: who has which role, organisation and sites, filtered by e-mail and role.
struct UserListView {
    struct Model {
        struct Row {
            var id: UUID
            var email: String
            var name: String
            var role: Role
            var organisation: String?
            var sites: Int
            var focalPoint: Bool
            var archived: Bool
        }

        var rows: [Row]
        var total: Int
        var text: String?
        var role: Role?
        var archived: Bool

        static func load(_ req: Request, page: PageRequest) async throws -> Model {
            let text = (req.query["q"] as String?).nonEmpty.map { String($0.trimmed.lowercased().prefix(200)) }
            var role: Role?
            if let raw = (req.query["role"] as String?).nonEmpty {
                role = Role(rawValue: raw)
                if role == nil { throw HavenError.invalid([FieldError("role", "'\(raw.prefix(40))' is not a role")]) }
            }
            let archived = req.query["archived"] == "true"
            let query = User.query(on: req.db)
            if archived { query.filter(\.$archivedAt != nil) } else { query.filter(\.$archivedAt == nil) }
            if let text { query.filter(\.$email, .custom("LIKE"), LikePattern.containing(text)) }
            if let role { query.filter(\.$role == role) }
            let (users, total) = try await query.sort(\.$email).fetchPage(page)
            let sites = try await UserBody.assignments(of: users.compactMap(\.id), on: req.db)
            let organisations = try await Organisation.shortNames(on: req.db)
            let rows = users.compactMap { user -> Row? in
                guard let id = user.id else { return nil }
                return Row(
                    id: id, email: user.email, name: user.name, role: user.role,
                    organisation: user.$organisation.id.flatMap { organisations[$0] }, sites: sites[id]?.count ?? 0,
                    focalPoint: user.feedbackFocalPoint, archived: user.archivedAt != nil)
            }
            return Model(rows: rows, total: total, text: text, role: role, archived: archived)
        }
    }

    var user: UserContext
    var model: Model
    var page: PageRequest

    func render() -> String {
        Layout.page(
            "Accounts", user: user,
            .h1("Accounts"),
            .p(
                .a(.class("button"), .href(Paths.newUser), "Add an account"), " ",
                .a(.href(Paths.organisations), "Organisations")),
            .form(
                .class("filters"), .method(.get), .action(Paths.users),
                .label("E-mail", .input(.type(.search), .name("q"), .value(escaping: model.text ?? ""))),
                FilterFields.choice(
                    "role", "Role", any: "Every role", Role.allCases.map { ($0.rawValue, $0.label) },
                    selected: model.role?.rawValue),
                FilterFields.choice(
                    "archived", "Accounts", any: "In use", [("true", "Archived")],
                    selected: model.archived ? "true" : nil),
                .button(.type(.submit), "Show")),
            .div(.class("totals"), .div(.strong(.text(Format.number(model.total))), "accounts")),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("E-mail"), .th("Name"), .th("Role"), .th("Organisation"), .th(.class("num"), "Sites"),
                            .th("Sensitive feedback"))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .td(.a(.href(Paths.user.link(row.id)), .text(row.email))),
                                .td(.text(row.name)), .td(.text(row.role.label)), .td(.text(row.organisation ?? "–")),
                                .td(.class("num"), .text(row.sites == 0 ? "–" : Format.number(row.sites))),
                                .td(.text(row.focalPoint ? "focal point" : "")))
                        }))),
            Layout.pager(total: model.total, page: page, baseQuery: query, path: Paths.users.link()))
    }

    private var query: [String: String] {
        var query: [String: String] = [:]
        if let text = model.text { query["q"] = text }
        if let role = model.role { query["role"] = role.rawValue }
        if model.archived { query["archived"] = "true" }
        return query
    }
}
