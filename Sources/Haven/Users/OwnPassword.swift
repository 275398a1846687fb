import Fluent
import Vapor

/// Everyone changes their own password: the current one first (checked and throttled as a login is), the new
/// one twice. The change ends every session of the account, this one included; the page opens a fresh one.
enum OwnPassword {
    struct Change: Content {
        var currentPassword: String
        var newPassword: String
        var confirmation: String
    }

    static func rules(_ change: Change) -> [FieldError] {
        var errors: [FieldError] = []
        let bounds = Accounts.minimumPasswordLength...Accounts.maximumPasswordLength
        if !bounds.contains(change.newPassword.count) {
            errors.append(
                FieldError("newPassword", "must be \(bounds.lowerBound) to \(bounds.upperBound) characters"))
        } else if change.newPassword == change.currentPassword {
            errors.append(FieldError("newPassword", "must differ from the current password"))
        }
        if change.confirmation != change.newPassword {
            errors.append(FieldError("confirmation", "is not the same as the new password"))
        }
        if change.currentPassword.count > Accounts.maximumPasswordLength {
            errors.append(FieldError("currentPassword", "is not your current password"))
        }
        return errors
    }

    /// Changes the password of the signed-in person. The hash is swapped only if it is still the one the current
    /// password was checked against: of two changes at once, the second is refused with 409.
    static func change(_ change: Change, for user: UserContext, on req: Request) async throws {
        try HavenError.check(rules(change))
        let account: User
        do {
            account = try await Login.verify(email: user.email, password: change.currentPassword, on: req)
        } catch HavenError.forbidden {
            throw HavenError.invalid([FieldError("currentPassword", "is not your current password")])
        }
        let checked = account.passwordHash
        let hash = try await req.password.async.hash(change.newPassword)
        try await req.db.write { tx in
            let id = try account.requireID()
            try await tx.lockRow(User.schema, id: id)
            guard let current = try await User.find(id, on: tx), current.passwordHash == checked else {
                throw HavenError.conflict("The password was changed meanwhile; log in again with the new one.")
            }
            current.passwordHash = hash
            try await current.update(on: tx)
            try await Audit.record(
                .update, current, changes: [.init(field: "password", before: nil, after: "changed")],
                by: user.actor, on: tx)
            try await UserSession.query(on: tx).filter(\.$user.$id == id).delete()
        }
    }
}
