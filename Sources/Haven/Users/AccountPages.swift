import Plot
import Vapor

/// `/account`: who you are, and changing your own password.
struct AccountPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.account, use: show)
        routes.post(Paths.accountPassword, use: changePassword)
        routes.post(Paths.accountLanguage, use: setLanguage)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return Layout.response(
            AccountView(
                user: user, csrf: req.csrfToken, errors: [], changed: req.query["changed"] == "1",
                languages: OwnLanguage.choices(on: req.application), languageSaved: req.query["language"] == "saved"
            ).render())
    }

    func setLanguage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await OwnLanguage.set(try req.content.decode(OwnLanguage.Choice.self), for: user, on: req)
        return req.redirect(to: Paths.with(Paths.account, ["language": "saved"]))
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let change = try req.content.decode(OwnPassword.Change.self)
        do {
            try await OwnPassword.change(change, for: user, on: req)
        } catch HavenError.invalid(let errors) {
            return Layout.response(
                AccountView(
                    user: user, csrf: req.csrfToken, errors: errors, changed: false,
                    languages: OwnLanguage.choices(on: req.application), languageSaved: false
                ).render(), status: .unprocessableEntity)
        }
        // Every session ended with the old password; this person goes on in a fresh one.
        let opened = try await Login.open(email: user.email, password: change.newPassword, kind: .web, on: req)
        let response = req.redirect(to: Paths.with(Paths.account, ["changed": "1"]))
        response.cookies[Login.cookieName] = Login.cookie(opened, on: req)
        return response
    }
}
