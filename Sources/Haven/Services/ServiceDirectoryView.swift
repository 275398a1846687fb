import Plot

/// A site's service directory for the staff who keep it: what is listed, archiving what stopped, a form to add a
/// service, and the poster in each of the operation's languages.
struct ServiceDirectoryView {
    var user: UserContext
    var listing: ServiceListing
    /// The organisations the form offers as providers.
    var organisations: [Organisation]
    var languages: [Wording]
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        let site = listing.site
        let editable = Permission.editSite(site.scope).isGranted(to: user)
        return Layout.page(
            "Services at \(site.code)", user: user,
            .h1(.text("Services at \(site.name) "), .small(.text(site.code))),
            .p(
                .a(.href(Paths.site.link(site.id!)), "Back to the site"), .text(" · Poster to print and pin: "),
                .forEach(languages) { language in
                    .group(
                        .a(
                            .href(Paths.with(Paths.poster.link(site.code), ["lang": language.code])),
                            .text(language[.languageName])),
                        .text(" "))
                }),
            Paths.servicesDownload.links(["site": site.code]),
            listing.services.isEmpty
                ? .p("No services are listed yet: residents' poster says so.")
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th("Sector"), .th("Service"), .th("Provider"), .th("Where"), .th("When"),
                                .th("How to reach"), .th("Referral focal point"),
                                .if(editable, .th(.class("noprint"), "")))),
                        .tbody(
                            .forEach(listing.services) { service in
                                .tr(
                                    .td(.text(service.sector)), .td(.text(service.name)),
                                    .td(.text(listing.providers[service.$provider.id] ?? "")),
                                    .td(.text(service.location)), .td(.text(service.hours)),
                                    .td(.text(service.contact)), .td(.text(service.referralFocalPoint)),
                                    .if(
                                        editable,
                                        .td(
                                            .class("noprint"),
                                            Layout.form(
                                                action: Paths.archiveService.link(
                                                    site.id!.uuidString, service.id!.uuidString),
                                                csrf: csrf,
                                                .button(.type(.submit), .class("secondary"), "No longer offered")))))
                            }))),
            .if(
                editable,
                .group(
                    .h2("Add a service"),
                    .if(!errors.isEmpty, .p(.class("alert"), "Please check the fields marked below.")),
                    Layout.form(
                        action: Paths.services.link(site.id!), csrf: csrf,
                        Layout.select(
                            "sector", "Sector",
                            options: [("", "Choose")] + ResponseSector.all.map { ($0.code, $0.name) },
                            selected: values["sector"], errors: errors),
                        Layout.field(
                            "name", "Service (what residents can get)", value: values["name"], errors: errors,
                            required: true),
                        Layout.select(
                            "provider", "Provider",
                            options: [("", "Choose")] + organisations.map { ($0.id!.uuidString, $0.name) },
                            selected: values["provider"], errors: errors),
                        Layout.field("location", "Where", value: values["location"], errors: errors),
                        Layout.field("hours", "Days and hours", value: values["hours"], errors: errors),
                        Layout.field("contact", "How to reach them", value: values["contact"], errors: errors),
                        Layout.field(
                            "referralFocalPoint", "Referral focal point (who takes referred cases)",
                            value: values["referralFocalPoint"], errors: errors),
                        .button(.type(.submit), "Add to the directory")))))
    }
}
