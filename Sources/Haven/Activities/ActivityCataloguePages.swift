import Fluent
import Plot
import Vapor

/// The activity catalogue in the browser: everyone reads it; coordinators add, rename, archive and restore.
struct ActivityCataloguePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.activityCatalogue, use: list)
        routes.post(Paths.activityCatalogue, use: add)
        routes.post(Paths.activityType, use: rename)
        routes.archiveAndRestore(Paths.activityType, use: setArchived)
    }

    func list(req: Request) async throws -> Response {
        try await page(req, form: [:], errors: [])
    }

    func add(req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let form = try req.content.decode([String: String].self)
        do {
            _ = try await ActivityCatalogue.add(
                ActivityTypeBody(code: form["code"] ?? "", sector: form["sector"] ?? "", name: form["name"] ?? ""),
                by: user, on: req.db)
            return req.redirect(to: Paths.activityCatalogue.link())
        } catch HavenError.invalid(let errors) {
            return try await page(req, form: form, errors: errors, status: .unprocessableEntity)
        }
    }

    func rename(req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let type = try await req.find(ActivityType.self, named: "Activity")
        let name = try req.content.get(String.self, at: "name")
        do {
            try await ActivityCatalogue.rename(
                type, with: ActivityTypeBody(code: type.code, sector: type.sector, name: name), by: user, on: req.db)
            return req.redirect(to: Paths.activityCatalogue.link())
        } catch HavenError.invalid(let errors) {
            return try await page(
                req, form: [:], errors: errors.map { FieldError("\(type.code) \($0.field)", $0.message) },
                status: .unprocessableEntity)
        }
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> Response {
        let user = try req.authorize(.editCatalogue)
        let type = try await req.find(ActivityType.self, named: "Activity")
        try await Audit.setArchived(archived, type, by: user.actor, on: req.db)
        return req.redirect(to: Paths.activityCatalogue.link())
    }

    private func page(_ req: Request, form: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.authorize(.readOperationalData)
        let types = try await ActivityType.query(on: req.db).sort(\.$sector).sort(\.$code).all()
        let canEdit = Permission.editCatalogue.isGranted(to: user)
        let csrf = req.csrfToken
        let rows: [Node<HTML.TableContext>] = types.map { type in
            let id = type.id!.uuidString
            return .tr(
                .td(.text(type.code)), .td(.text(type.sector)),
                .td(
                    canEdit && type.archivedAt == nil
                        ? Layout.form(
                            action: Paths.activityType.link(id), csrf: csrf,
                            .input(
                                .type(.text), .name("name"), .value(escaping: type.name),
                                .attribute(named: "aria-label", value: MarkupText.escaped("Name of \(type.code)"))),
                            .button(.type(.submit), .class("secondary"), "Rename"))
                        : .text(type.name)),
                .td(.text(type.archivedAt == nil ? "in use" : "archived")),
                .if(
                    canEdit,
                    .td(
                        Layout.form(
                            action: (type.archivedAt == nil ? Paths.activityType.archive : Paths.activityType.restore)
                                .link(id),
                            csrf: csrf,
                            .button(
                                .type(.submit), .class("secondary"),
                                .text(type.archivedAt == nil ? "Archive" : "Restore"))))))
        }
        let html = Layout.page(
            "Activity catalogue", user: user,
            .h1("Activity catalogue"),
            ActivityLinks.bar(current: Paths.activityCatalogue, user: user),
            .p(
                .class("hint"),
                "What partners report under each sector. A code and its sector are carried by every 5W line, so they never change: archive an activity to stop new reports of it and add a new one."
            ),
            .forEach(errors.filter { $0.field.contains(" ") }) {
                .p(.class("error"), .text("\($0.field): \($0.message)"))
            },
            .div(
                .class("table-wrap"),
                .table(
                    .thead(.tr(.th("Code"), .th("Sector"), .th("Activity"), .th("State"), .if(canEdit, .th("")))),
                    .tbody(.group(rows)))),
            .if(
                canEdit,
                .section(
                    .h2("Add an activity"),
                    Layout.form(
                        action: Paths.activityCatalogue.link(), csrf: csrf,
                        Layout.field(
                            "code", "Code", value: form["code"], errors: errors, hint: "e.g. WASH-08", required: true),
                        Layout.select(
                            "sector", "Sector", options: ResponseSector.all.map { ($0.code, $0.name) },
                            selected: form["sector"], errors: errors),
                        Layout.field("name", "Activity", value: form["name"], errors: errors, required: true),
                        .button(.type(.submit), "Add")))))
        return Layout.response(html, status: status)
    }
}
