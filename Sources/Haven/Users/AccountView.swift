import Plot

/// Your account: who you are, and the form that changes your password.
struct AccountView {
    var user: UserContext
    var csrf: String
    var errors: [FieldError]
    var changed: Bool

    func render() -> String {
        Layout.page(
            "Your account", user: user,
            .h1("Your account"),
            .if(changed, .p(.class("notice"), "Your password is changed. Your other sessions have been ended.")),
            .dl(
                .class("facts"),
                .div(.dt("E-mail"), .dd(.text(user.email))), .div(.dt("Name"), .dd(.text(user.name))),
                .div(.dt("Role"), .dd(.text(user.role.label)))),
            .h2("Change your password"),
            .p(
                .text(
                    "At least \(Accounts.minimumPasswordLength) characters. Changing it ends every session and API token "
                        + "opened with the old one.")),
            Layout.form(
                action: Paths.accountPassword.link(), csrf: csrf,
                Layout.field(
                    "currentPassword", "Current password", value: nil, errors: errors, type: .password, required: true),
                Layout.field(
                    "newPassword", "New password", value: nil, errors: errors, type: .password, required: true),
                Layout.field(
                    "confirmation", "New password again", value: nil, errors: errors, type: .password, required: true),
                .button(.type(.submit), "Change password")))
    }
}
