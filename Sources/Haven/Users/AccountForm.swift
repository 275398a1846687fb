import Fluent
import Vapor

/// The account form as an administrator fills it in the browser, turned into what `Accounts` writes: sites by
/// code, the organisation from the list, the focal point box. An empty password on a new account means "send
/// them a link to choose one".
struct AccountForm {
    var values: [String: String]

    /// The sites a person looks after, by code, comma- or space-separated; at most this many.
    static let maximumSites = 500

    static func values(of user: User, siteCodes: [String]) -> [String: String] {
        [
            "email": user.email, "name": user.name, "role": user.role.rawValue,
            "organisationId": user.$organisation.id?.uuidString ?? "", "sites": siteCodes.joined(separator: ", "),
            "feedbackFocalPoint": user.feedbackFocalPoint ? "on" : "",
        ]
    }

    /// The input, or every refusal with its field. A new account without a password gets an unguessable one,
    /// replaced by what its owner chooses through the reset link.
    func input(isNew: Bool, on db: any Database) async throws -> AccountInput {
        var errors: [FieldError] = []
        let role = Role(rawValue: values["role"] ?? "")
        if role == nil { errors.append(FieldError("role", "choose a role")) }
        var organisation: UUID?
        if let raw = values["organisationId"].nonEmpty {
            organisation = UUID(uuidString: raw)
            if organisation == nil {
                errors.append(FieldError("organisationId", "choose an organisation from the list"))
            }
        }
        let codes = (values["sites"] ?? "").split { $0 == "," || $0 == " " || $0 == "\n" }.map(String.init)
        var sites: [UUID] = []
        if codes.count > Self.maximumSites {
            errors.append(FieldError("sites", "at most \(Self.maximumSites) sites"))
        } else {
            for code in codes {
                if let id = try await Site.filtered(code, field: "sites", on: db, errors: &errors) { sites.append(id) }
            }
        }
        try HavenError.check(errors)
        let password = values["password"].nonEmpty ?? (isNew ? [UInt8].random(count: 32).base64URLEncoded : nil)
        return AccountInput(
            email: values["email"] ?? "", name: values["name"], role: role ?? .viewer, organisationId: organisation,
            siteIds: sites, feedbackFocalPoint: values["feedbackFocalPoint"] == "on", password: password)
    }
}
