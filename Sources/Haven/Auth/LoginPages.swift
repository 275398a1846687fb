import Plot
import Vapor

/// The login and logout pages.
struct LoginPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.login, use: form)
        routes.post(Paths.login, use: login)
        routes.get(Paths.logout, use: confirmLogout)
        routes.post(Paths.logout, use: logout)
    }

    func form(req: Request) async throws -> Response {
        Layout.response(Self.render(csrf: req.csrfToken, next: req.query["next"], email: "", problem: nil))
    }

    struct Submission: Content {
        var email: String
        var password: String
        var next: String?
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(Submission.self)
        do {
            let opened = try await Login.open(email: form.email, password: form.password, kind: .web, on: req)
            let response = req.redirect(to: Paths.safeNext(form.next))
            response.cookies[Login.cookieName] = Login.cookie(opened, on: req)
            return response
        } catch let error as HavenError {
            return Layout.response(
                Self.render(csrf: req.csrfToken, next: form.next, email: form.email, problem: error.detail),
                status: error.status)
        }
    }

    /// Logging out changes state, so it is a form post; this page holds the button.
    func confirmLogout(req: Request) async throws -> Response {
        Layout.response(
            Layout.page(
                "Log out", user: req.currentUser,
                .h1("Log out"),
                Layout.form(
                    action: Paths.logout.link(), csrf: req.csrfToken, .button(.type(.submit), "Log out of Haven"))))
    }

    func logout(req: Request) async throws -> Response {
        if let token = req.cookies[Login.cookieName]?.string { try await Login.close(token: token, on: req.db) }
        let response = req.redirect(to: Paths.login())
        response.cookies[Login.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0))
        return response
    }

    static func render(csrf: String, next: String?, email: String, problem: String?) -> String {
        Layout.page(
            "Log in", user: nil,
            .h1("Log in to Haven"),
            .unwrap(problem) { .p(.class("alert"), .text($0)) },
            Layout.form(
                action: Paths.login.link(), csrf: csrf,
                .input(.type(.hidden), .name("next"), .value(escaping: next ?? "")),
                .div(
                    .class("field"), .label(.for("email"), "E-mail"),
                    .input(
                        .type(.email), .name("email"), .id("email"), .value(escaping: email), .required(true),
                        .autofocus(email.isEmpty))),
                .div(
                    .class("field"), .label(.for("password"), "Password"),
                    .input(.type(.password), .name("password"), .id("password"), .required(true))),
                .button(.type(.submit), "Log in")
            ))
    }
}
