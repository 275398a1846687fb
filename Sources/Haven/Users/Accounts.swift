import Fluent
import Foundation
import Vapor

/// What an administrator sets on an account.
struct AccountInput: Content {
    var email: String
    var name: String?
    var role: Role
    var organisationId: UUID?
    var siteIds: [UUID]?
    /// A focal point for sensitive feedback; unchanged when absent.
    var feedbackFocalPoint: Bool?
    /// Only when setting or changing the password.
    var password: String?
}

/// Opening and changing accounts: shared by the API and `haven user add`.
enum Accounts {
    static let minimumPasswordLength = 10
    static let maximumPasswordLength = 200

    static func rules(_ input: AccountInput, isNew: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        let email = input.email.trimmed
        let at = email.firstIndex(of: "@")
        if at == nil || email.hasPrefix("@") || !email[at!...].contains(".") || email.contains(" ") {
            errors.append(FieldError("email", "'\(email)' is not an e-mail address"))
        }
        errors += TextRules.problems([("name", input.name?.trimmed, .name), ("email", input.email, .name)])
        if isNew && input.password == nil { errors.append(FieldError("password", "is required for a new account")) }
        if let password = input.password, !(minimumPasswordLength...maximumPasswordLength).contains(password.count) {
            errors.append(
                FieldError("password", "must be \(minimumPasswordLength) to \(maximumPasswordLength) characters"))
        }
        if input.role == .partner && input.organisationId == nil {
            errors.append(
                FieldError("organisationId", "is required for a partner: it decides which records they may change"))
        }
        return errors
    }

    static func create(_ input: AccountInput, by actor: Actor, on db: any Database, hasher: any PasswordHasher)
        async throws -> User
    {
        try await check(input, existing: nil, on: db)
        let user = User(
            email: input.email.trimmed, name: input.name?.trimmed ?? "", passwordHash: try hasher.hash(input.password!),
            role: input.role, organisationID: input.organisationId)
        user.feedbackFocalPoint = input.feedbackFocalPoint ?? false
        try await db.write { tx in
            try await Audit.create(user, by: actor, on: tx)
            try await assignSites(input.siteIds ?? [], to: user, by: actor, on: tx)
        }
        return user
    }

    static func update(
        _ user: User, with input: AccountInput, by actor: Actor, on db: any Database, hasher: any PasswordHasher
    ) async throws {
        try await check(input, existing: user, on: db)
        let before = user.auditFields
        user.email = input.email.trimmed.lowercased()
        user.name = input.name?.trimmed ?? user.name
        user.role = input.role
        user.$organisation.id = input.organisationId
        user.feedbackFocalPoint = input.feedbackFocalPoint ?? user.feedbackFocalPoint
        if let password = input.password { user.passwordHash = try hasher.hash(password) }
        try await db.write { tx in
            if !(try await Audit.update(user, before: before, by: actor, on: tx)), input.password != nil {
                try await user.update(on: tx)
            }
            if input.password != nil {
                try await Audit.record(
                    .update, user, changes: [.init(field: "password", before: nil, after: "changed")], by: actor, on: tx
                )
                // A new password ends every session and token opened with the old one.
                try await UserSession.query(on: tx).filter(\.$user.$id == user.requireID()).delete()
            }
            if let siteIds = input.siteIds { try await assignSites(siteIds, to: user, by: actor, on: tx) }
        }
    }

    /// Replaces the sites a person looks after; the trail records the codes before and after.
    private static func assignSites(_ siteIDs: [UUID], to user: User, by actor: Actor, on db: any Database) async throws
    {
        let userID = try user.requireID()
        let current = try await UserSite.query(on: db).filter(\.$user.$id == userID).with(\.$site).all()
        let wanted = Set(siteIDs)
        guard Set(current.map { $0.$site.id }) != wanted else { return }
        try await UserSite.query(on: db).filter(\.$user.$id == userID).delete()
        for siteID in wanted { try await UserSite(userID: userID, siteID: siteID).create(on: db) }
        let after = try await Site.query(on: db).filter(\.$id ~~ Array(wanted)).all().map(\.code).sorted()
        let before = current.map(\.site.code).sorted()
        try await Audit.record(
            .update, user,
            changes: [
                .init(
                    field: "sites", before: before.isEmpty ? nil : before.joined(separator: ", "),
                    after: after.isEmpty ? nil : after.joined(separator: ", "))
            ], by: actor, on: db)
    }

    private static func check(_ input: AccountInput, existing: User?, on db: any Database) async throws {
        var errors = rules(input, isNew: existing == nil)
        let email = input.email.trimmed.lowercased()
        if let other = try await User.query(on: db).filter(\.$email == email).first(), other.id != existing?.id {
            errors.append(FieldError("email", "\(email) already has an account"))
        }
        if let org = input.organisationId, try await Organisation.find(org, on: db) == nil {
            errors.append(FieldError("organisationId", "is not a known organisation"))
        }
        let siteIDs = Set(input.siteIds ?? [])
        if !siteIDs.isEmpty {
            let found = try await Site.query(on: db).filter(\.$id ~~ Array(siteIDs)).count()
            if found != siteIDs.count {
                errors.append(FieldError("siteIds", "\(siteIDs.count - found) of the sites are not known"))
            }
        }
        try HavenError.check(errors)
    }
}
