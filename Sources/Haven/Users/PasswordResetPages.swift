import Plot
import Vapor

/// `/reset/{token}`, no account needed: the owner of a one-time link chooses their password.
struct PasswordResetPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.passwordReset, use: show)
        routes.post(Paths.passwordReset, use: choose)
    }

    func show(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let (_, account) = try await PasswordReset.open(token, on: req.db) else {
            return Layout.response(PasswordResetView.spent(), status: .gone)
        }
        return Layout.response(
            PasswordResetView(
                email: account.email, action: Paths.passwordReset.link(token), csrf: req.csrfToken, errors: []
            )
            .render())
    }

    func choose(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let (_, account) = try await PasswordReset.open(token, on: req.db) else {
            return Layout.response(PasswordResetView.spent(), status: .gone)
        }
        let choice = try req.content.decode(PasswordReset.Choice.self)
        do {
            // Of two uses at once, the one that loses the link is refused with 409.
            _ = try await PasswordReset.use(token, choice, hasher: req.password.async, on: req.db)
            return Layout.response(PasswordResetView.done())
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                PasswordResetView(
                    email: account.email, action: Paths.passwordReset.link(token), csrf: req.csrfToken, errors: errors
                ).render(), status: .unprocessableEntity)
        }
    }
}

/// Choosing a password through a one-time link, and what the link says once it is spent.
struct PasswordResetView {
    var email: String
    var action: String
    var csrf: String
    var errors: [FieldError]

    func render() -> String {
        Layout.page(
            "Choose your password", user: nil,
            .h1("Choose your password"),
            .p(.text("For \(email). At least \(Accounts.minimumPasswordLength) characters; this link works once.")),
            Layout.form(
                action: action, csrf: csrf,
                Layout.field(
                    "newPassword", "New password", value: nil, errors: errors, type: .password, required: true),
                Layout.field(
                    "confirmation", "New password again", value: nil, errors: errors, type: .password, required: true),
                .button(.type(.submit), "Set my password")))
    }

    static func spent() -> String {
        Layout.page(
            "Link used or expired", user: nil,
            .h1("This link no longer works"),
            .p("It has been used, it has expired, or a newer one was made. Ask an administrator for a new link."),
            .p(.a(.href(Paths.login), "Log in")))
    }

    static func done() -> String {
        Layout.page(
            "Password set", user: nil,
            .h1("Your password is set"),
            .p("Any session opened with your old password has ended."),
            .p(.a(.class("button"), .href(Paths.login), "Log in")))
    }
}
