import Plot
import Vapor

/// The frame of every page: header with navigation, main content, and the signed-in person.
enum Layout {
    /// `refreshSeconds` reloads the page on its own, for following work under way without any script; `wording`
    /// sets the language of a page for residents (staff pages are in English).
    static func page(
        _ title: String, user: UserContext?, refreshSeconds: Int? = nil, wording: Wording? = nil,
        _ content: Node<HTML.BodyContext>...
    ) -> String {
        // Residents' pages name their wording; staff pages speak the signed-in person's language.
        let language = wording ?? (user == nil ? nil : Wording.staff)
        let w = Wording.staff
        return HTML(
            .attribute(named: "lang", value: MarkupText.escaped(language?.code ?? "en")),
            .if(language?.isRightToLeft == true, .attribute(named: "dir", value: "rtl")),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` also writes social-media `<meta>` tags with the title unescaped in an attribute.
                .element(named: "title", text: "\(title) · Haven"),
                .unwrap(refreshSeconds) {
                    .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0)))
                },
                .link(.rel(.stylesheet), .href(StaticAssets.stylesheetPath))
            ),
            .body(
                .header(
                    .class("top"),
                    .a(.class("brand"), .href(Paths.home), "Haven"),
                    .unwrap(user) { user in
                        .nav(
                            .a(.href(Paths.sites), .text(w[.navSites])),
                            .a(.href(Paths.adminAreas), .text(w[.navAreas])),
                            .a(.href(Paths.monitoring), .text(w[.navMonitoring])),
                            .a(.href(Paths.activities), .text(w[.nav5W])),
                            .a(
                                .href(user.role == .viewer ? Paths.complaintFigures : Paths.complaints),
                                .text(w[.navComplaints])),
                            .a(.href(Paths.reports), .text(w[.navReports])),
                            .unwrap(ImportPages.first(for: user)) { .a(.href($0), .text(w[.navImport])) },
                            .if(
                                Permission.manageUsers.isGranted(to: user),
                                .a(.href(Paths.users), .text(w[.navAccounts]))),
                            .if(
                                Permission.readAuditTrail.isGranted(to: user),
                                .a(.href(Paths.audit), .text(w[.navAudit]))),
                            .form(
                                .class("search"), .method(.get), .action(Paths.search),
                                .input(
                                    .type(.search), .name("q"),
                                    .attribute(named: "aria-label", value: MarkupText.escaped(w[.search])),
                                    .placeholder(w[.search]))),
                            .a(.class("who"), .href(Paths.account), .text("\(user.email) · \(w.role(user.role))")),
                            .a(.href(Paths.logout), .text(w[.logOut]))
                        )
                    }
                ),
                .main(.group(content))
            )
        ).render()
    }

    /// Links to the same page in each of the operation's languages, when it has more than one.
    static func languages(_ languages: [Wording], current: Wording, path: String, query: [String: String] = [:])
        -> Node<HTML.BodyContext>
    {
        .if(
            languages.count > 1,
            .nav(
                .class("languages"),
                .forEach(languages) { language in
                    let link = Paths.with(path, query.merging(["lang": language.code]) { _, new in new })
                    return language.code == current.code
                        ? .strong(
                            .attribute(named: "lang", value: MarkupText.escaped(language.code)),
                            .text(language[.languageName]))
                        : .a(
                            .href(link), .attribute(named: "lang", value: MarkupText.escaped(language.code)),
                            .text(language[.languageName])
                        )
                }))
    }

    static func response(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status)
        response.headers.contentType = .html
        response.body = .init(string: html)
        return response
    }

    /// A POST form carrying the CSRF token.
    static func form(action: String, csrf: String, enctype: String? = nil, _ content: Node<HTML.FormContext>...)
        -> Node<HTML.BodyContext>
    {
        .form(
            .action(action), .method(.post),
            .unwrap(enctype) { .attribute(named: "enctype", value: MarkupText.escaped($0)) },
            .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(escaping: csrf)),
            .group(content)
        )
    }

    /// A text or number field with its label and, when the input was refused, the reason next to it.
    static func field(
        _ name: String, _ label: String, value: String?, errors: [FieldError], type: HTMLInputType = .text,
        hint: String? = nil, required: Bool = false
    ) -> Node<HTML.FormContext> {
        let message = errors.message(for: name)
        let name = MarkupText.escaped(name)
        return .div(
            .class(message == nil ? "field" : "field invalid"),
            .label(.for(name), .text(label)),
            .input(
                .type(type), .name(name), .id(name), .value(escaping: value ?? ""), .required(required),
                type == .number ? .attribute(named: "step", value: "any") : .empty),
            .unwrap(hint) { .small(.text($0)) },
            .unwrap(message) { .p(.class("error"), .text($0)) }
        )
    }

    static func select(
        _ name: String, _ label: String, options: [(value: String, label: String)], selected: String?,
        errors: [FieldError]
    ) -> Node<HTML.FormContext> {
        let message = errors.message(for: name)
        let name = MarkupText.escaped(name)
        return .div(
            .class(message == nil ? "field" : "field invalid"),
            .label(.for(name), .text(label)),
            .select(
                .attribute(named: "name", value: name), .id(name),
                .forEach(options) { option in
                    Layout.option(option.value, option.label, selected: option.value == selected)
                }),
            .unwrap(message) { .p(.class("error"), .text($0)) }
        )
    }

    /// An `<option>` with its text inside, as every browser shows it.
    static func option(_ value: String, _ label: String, selected: Bool = false) -> Node<HTML.SelectContext> {
        .element(
            named: "option",
            nodes: [
                .attribute(named: "value", value: MarkupText.escaped(value), ignoreIfValueIsEmpty: false),
                selected ? .attribute(named: "selected") : .empty, .text(label),
            ])
    }

    /// Previous / next links that keep the other query parameters.
    static func pager(total: Int, page: PageRequest, baseQuery: [String: String], path: String) -> Node<
        HTML.BodyContext
    > {
        func link(offset: Int) -> String {
            Paths.with(
                path, baseQuery.merging(["offset": String(offset), "limit": String(page.limit)]) { _, new in new })
        }
        let pages = max(1, (total + page.limit - 1) / page.limit)
        return .nav(
            .class("pager"),
            .if(
                page.offset > 0,
                .a(
                    .href(link(offset: max(0, page.offset - page.limit))), .attribute(named: "rel", value: "prev"),
                    .text(Wording.staff[.previousPage]))),
            .span(.text(Wording.staff[.pageOf, ["page": String(page.pageNumber), "pages": String(pages)]])),
            .if(
                page.offset + page.limit < total,
                .a(
                    .href(link(offset: page.offset + page.limit)), .attribute(named: "rel", value: "next"),
                    .text(Wording.staff[.nextPage])))
        )
    }
}
