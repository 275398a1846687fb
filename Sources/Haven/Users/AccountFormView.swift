import Foundation
import Plot

/// Adding or editing an account: e-mail, name, role, organisation, the sites a site manager looks after, the
/// focal point box; and, for an account that exists, its archive or restore button and a one-time password link.
struct AccountFormView {
    var user: UserContext
    var account: User?
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String
    var organisations: [(id: UUID, name: String)]
    var notice: String?

    func render() -> String {
        let title = account.map { "Account \($0.email)" } ?? "Add an account"
        return Layout.page(
            title, user: user,
            .h1(.text(title)),
            .p(.a(.href(Paths.users), "All accounts")),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .if(account?.archivedAt != nil, .p(.class("notice"), "This account is archived: it cannot log in.")),
            .if(!errors.isEmpty, .p(.class("error"), "Nothing was saved: see the fields marked below.")),
            Layout.form(
                action: account.flatMap { $0.id.map { Paths.user.link($0) } } ?? Paths.users.link(), csrf: csrf,
                Layout.field("email", "E-mail", value: values["email"], errors: errors, type: .email, required: true),
                Layout.field("name", "Name", value: values["name"], errors: errors),
                Layout.select(
                    "role", "Role", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: values["role"],
                    errors: errors),
                Layout.select(
                    "organisationId", "Organisation (required for a partner)",
                    options: [("", "None")] + organisations.map { ($0.id.uuidString, $0.name) },
                    selected: values["organisationId"], errors: errors),
                Layout.field(
                    "sites", "Sites they look after (site managers)", value: values["sites"], errors: errors,
                    hint: "Site codes, separated by commas"),
                .div(
                    .class("field"),
                    .label(
                        .input(
                            .type(.checkbox), .name("feedbackFocalPoint"),
                            .checked(values["feedbackFocalPoint"] == "on")),
                        " Focal point for sensitive feedback (PSEA, GBV): reads and handles sealed cases")),
                .if(
                    account == nil,
                    .group(
                        Layout.field(
                            "password", "Password", value: nil, errors: errors, type: .password,
                            hint:
                                "Leave empty to give them a one-time link where they choose their own (recommended)"),
                        .div(
                            .class("field"),
                            .label(.input(.type(.checkbox), .name("mail")), " Send the link by e-mail too")))),
                .button(.type(.submit), account == nil ? "Add the account" : "Save")),
            .unwrap(account) { account in
                .unwrap(account.id) { id in
                    .group(
                        .h2("Password"),
                        .p(
                            "A one-time link lets them choose a new password (it works once, for three days; earlier links end). Their current password keeps working until they use it."
                        ),
                        Layout.form(
                            action: Paths.userReset.link(id), csrf: csrf,
                            .label(.input(.type(.checkbox), .name("mail")), " Send it by e-mail too"), " ",
                            .button(.type(.submit), "Make a password link")),
                        .h2(account.archivedAt == nil ? "Archive" : "Restore"),
                        Layout.form(
                            action: (account.archivedAt == nil ? Paths.user.archive : Paths.user.restore).link(id),
                            csrf: csrf,
                            .button(
                                .type(.submit),
                                account.archivedAt == nil ? "Archive: sign them out and stop their logins" : "Restore"))
                    )
                }
            })
    }
}

/// The one-time link, shown once to the administrator who made it.
struct PasswordResetIssuedView {
    var user: UserContext
    var account: User
    var link: String
    var expiresAt: Date
    var delivery: Outbox.Delivery?

    func render() -> String {
        Layout.page(
            "Password link", user: user,
            .h1(.text("Password link for \(account.email)")),
            .p("Give them this link. It works once, until \(Format.moment(expiresAt)); it is not shown again."),
            .p(.code(.class("link"), .text(link))),
            .unwrap(delivery) { delivery in
                switch delivery {
                case .sent: .p(.class("notice"), "Sent by e-mail.")
                case .saved:
                    .p(.class("notice"), "Saved in the outbox folder as an e-mail to forward (no mail command is set).")
                }
            },
            .p(.a(.href(account.id.map { Paths.user.link($0) } ?? Paths.users.link()), "Back to the account")))
    }
}
