import Fluent
import Plot

/// The create and edit form for a site, with each refusal shown next to its field.
struct SiteFormView {
    struct Options {
        var areas: [AdminArea]
        var agencies: [Organisation]

        static func load(on db: any Database) async throws -> Options {
            Options(
                areas: try await AdminArea.query(on: db).live().filter(\.$level > 0).sort(
                    \.$pcode
                ).all(),
                agencies: try await Organisation.query(on: db).live().sort(\.$name).all())
        }
    }

    var user: UserContext
    var site: Site?
    var values: [String: String]
    var errors: [FieldError]
    var options: Options
    var csrf: String

    func render() -> String {
        let title = site.map { "Edit \($0.code)" } ?? "Add a site"
        let action = site.map { Paths.editSite.link($0.id!) } ?? Paths.newSite.link()
        let summary = errors.count == 1 ? "one field needs" : "\(errors.count) fields need"
        return Layout.page(
            title, user: user,
            .h1(.text(title)),
            .if(!errors.isEmpty, .div(.class("alert"), .p(.text("Nothing was saved: \(summary) correcting.")))),
            Layout.form(
                action: action, csrf: csrf,
                field(
                    "code", "Site code", hint: "Unique, e.g. the admin-2 P-code and a number: BO0101_0001",
                    required: true),
                field("name", "Name", required: true),
                field("otherNames", "Other names", hint: "Separate several with ;"),
                choice("type", "Type", SiteType.allCases.map { ($0.rawValue, $0.label) }),
                choice("status", "Status", SiteStatus.allCases.map { ($0.rawValue, $0.label) }),
                field("statusDate", "Status since", type: .date, hint: "When the status changed; today if empty"),
                choice(
                    "adminAreaId", "Administrative area",
                    options.areas.map { ($0.id!.uuidString, "\($0.pcode) \($0.name)") }),
                field("latitude", "Latitude", type: .number, hint: "Decimal degrees, -90 to 90"),
                field("longitude", "Longitude", type: .number, hint: "Decimal degrees, -180 to 180"),
                choice(
                    "managementAgencyId", "Site management agency",
                    [("", "None")] + options.agencies.map { ($0.id!.uuidString, $0.name) }),
                choice("landOwnership", "Land ownership", LandOwnership.allCases.map { ($0.rawValue, $0.label) }),
                choice("tenancyAgreement", "Tenancy agreement", [("", "Unknown"), ("yes", "Yes"), ("no", "No")]),
                field("areaSquareMetres", "Area (m²)", type: .number),
                field("capacityHouseholds", "Capacity (households)", type: .number),
                field("capacityIndividuals", "Capacity (people)", type: .number),
                field("openedOn", "Opened on", type: .date),
                field("closedOn", "Closed on", type: .date, hint: "Only for closed sites"),
                field("notes", "Notes"),
                .button(.type(.submit), .text(site == nil ? "Add site" : "Save changes"))
            ))
    }

    private func field(
        _ name: String, _ label: String, type: HTMLInputType = .text, hint: String? = nil, required: Bool = false
    ) -> Node<HTML.FormContext> {
        Layout.field(name, label, value: values[name], errors: errors, type: type, hint: hint, required: required)
    }

    private func choice(_ name: String, _ label: String, _ choices: [(String, String)]) -> Node<HTML.FormContext> {
        Layout.select(
            name, label, options: choices.map { (value: $0.0, label: $0.1) }, selected: values[name], errors: errors)
    }
}
