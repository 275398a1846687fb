import Plot

/// Adding or editing an organisation, with its archive or restore button.
struct OrganisationFormView {
    var user: UserContext
    var organisation: Organisation?
    var values: [String: String]
    var errors: [FieldError]
    var csrf: String

    func render() -> String {
        let title = organisation.map { "Organisation \($0.name)" } ?? "Add an organisation"
        return Layout.page(
            title, user: user,
            .h1(.text(title)),
            .p(.a(.href(Paths.organisations), "All organisations")),
            .if(organisation?.archivedAt != nil, .p(.class("notice"), "This organisation is archived.")),
            .if(!errors.isEmpty, .p(.class("error"), "Nothing was saved: see the fields marked below.")),
            Layout.form(
                action: organisation.flatMap { $0.id.map { Paths.organisation.link($0) } }
                    ?? Paths.organisations.link(),
                csrf: csrf,
                Layout.field("name", "Name", value: values["name"], errors: errors, required: true),
                Layout.field("acronym", "Acronym", value: values["acronym"], errors: errors),
                Layout.select(
                    "type", "Type", options: Organisation.Kind.allCases.map { ($0.rawValue, $0.label) },
                    selected: values["type"], errors: errors),
                .button(.type(.submit), organisation == nil ? "Add the organisation" : "Save")),
            .unwrap(organisation) { organisation in
                .unwrap(organisation.id) { id in
                    .if(
                        Permission.createOrganisation.isGranted(to: user),
                        Layout.form(
                            action: (organisation.archivedAt == nil
                                ? Paths.organisation.archive : Paths.organisation.restore).link(id),
                            csrf: csrf,
                            .button(.type(.submit), organisation.archivedAt == nil ? "Archive" : "Restore")))
                }
            })
    }
}
