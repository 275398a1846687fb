import Plot

/// Your account: who you are, the language you read Haven in, and the form that changes your password.
struct AccountView {
    var user: UserContext
    var csrf: String
    var errors: [FieldError]
    var changed: Bool
    var languages: [(code: String, name: String)]
    var languageSaved: Bool

    func render() -> String {
        let w = Wording.staff
        return Layout.page(
            w[.accountTitle], user: user,
            .h1(.text(w[.accountTitle])),
            .if(changed, .p(.class("notice"), .text(w[.passwordChanged]))),
            .if(languageSaved, .p(.class("notice"), .text(w[.languageSaved]))),
            .dl(
                .class("facts"),
                .div(.dt(.text(w[.email])), .dd(.text(user.email))), .div(.dt(.text(w[.name])), .dd(.text(user.name))),
                .div(.dt(.text(w[.role])), .dd(.text(w.role(user.role))))),
            .h2(.text(w[.languageLabel])),
            Layout.form(
                action: Paths.accountLanguage.link(), csrf: csrf,
                .div(
                    .class("field"),
                    .label(.for("language"), .text(w[.languageLabel])),
                    .select(
                        .attribute(named: "name", value: "language"), .id("language"),
                        .forEach(languages) { language in
                            Layout.option(language.code, language.name, selected: language.code == w.code)
                        }),
                    .small(.text(w[.languageHint]))),
                .button(.type(.submit), .text(w[.saveLanguage]))),
            .h2(.text(w[.changePasswordHeading])),
            .p(.text(w[.passwordRules, ["count": String(Accounts.minimumPasswordLength)]])),
            Layout.form(
                action: Paths.accountPassword.link(), csrf: csrf,
                Layout.field(
                    "currentPassword", w[.currentPassword], value: nil, errors: errors, type: .password, required: true),
                Layout.field(
                    "newPassword", w[.newPassword], value: nil, errors: errors, type: .password, required: true),
                Layout.field(
                    "confirmation", w[.newPasswordAgain], value: nil, errors: errors, type: .password, required: true),
                .button(.type(.submit), .text(w[.changePassword]))))
    }
}
