import Fluent
import Vapor

/// The language a person reads Haven in: one of the languages Haven speaks to staff (the built-in ones and the
/// operation's own), kept on the account and audited like every change to it.
enum OwnLanguage {
    struct Choice: Content {
        var language: String
    }

    /// The languages a person may choose from, as `(code, name in that language)`.
    static func choices(on app: Application) -> [(code: String, name: String)] {
        (app.storage[StaffWordingsKey.self]?.languages ?? []).map { ($0.code, $0[.languageName]) }
    }

    static func set(_ choice: Choice, for user: UserContext, on req: Request) async throws {
        let codes = choices(on: req.application).map(\.code)
        guard codes.contains(choice.language) else {
            throw HavenError.invalid([
                FieldError(
                    "language", "'\(choice.language.prefix(20))' is not one of \(codes.joined(separator: ", "))")
            ])
        }
        guard let account = try await User.find(user.id, on: req.db) else { throw HavenError.unauthorized }
        let before = account.auditFields
        account.language = choice.language
        try await Audit.update(account, before: before, by: user.actor, on: req.db)
    }
}
