import Fluent
import Foundation
import Plot
import SQLKit

/// The organisations of the operation with how many accounts they have and how many sites they manage.
struct OrganisationListView {
    struct Model {
        struct Row: Decodable {
            var id: UUID
            var name: String
            var acronym: String
            var kind: Organisation.Kind
            var accounts: Int
            var sites: Int
        }

        var rows: [Row]
        var archived: Bool

        static func load(archived: Bool, on db: any Database) async throws -> Model {
            let rows = try await db.sql.raw(
                """
                SELECT o.id, o.name, o.acronym, o.type AS kind,
                    (SELECT COUNT(*) FROM users u WHERE u.organisation_id = o.id AND u.archived_at IS NULL) AS accounts,
                    (SELECT COUNT(*) FROM sites s WHERE s.management_agency_id = o.id AND s.archived_at IS NULL) AS sites
                FROM organisations o WHERE o.archived_at IS \(unsafeRaw: archived ? "NOT NULL" : "NULL") ORDER BY o.name
                """
            ).all(decoding: Row.self)
            return Model(rows: rows, archived: archived)
        }
    }

    var user: UserContext
    var model: Model

    func render() -> String {
        Layout.page(
            "Organisations", user: user,
            .h1("Organisations"),
            .if(
                Permission.createOrganisation.isGranted(to: user),
                .div(.class("actions"), .a(.class("button"), .href(Paths.newOrganisation), "Add an organisation"))),
            .p(
                model.archived
                    ? .a(.href(Paths.organisations), "Organisations in the operation")
                    : .a(.href(Paths.with(Paths.organisations, ["archived": "true"])), "Archived organisations")),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("Organisation"), .th("Acronym"), .th("Type"), .th(.class("num"), "Accounts"),
                            .th(.class("num"), "Sites managed"), .th("5W"))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .td(
                                    Permission.editOrganisation(row.id).isGranted(to: user)
                                        ? .a(.href(Paths.organisation.link(row.id)), .text(row.name))
                                        : .text(row.name)),
                                .td(.text(row.acronym)), .td(.text(row.kind.label)),
                                .td(.class("num"), .text(Format.number(row.accounts))),
                                .td(
                                    .class("num"),
                                    row.sites == 0
                                        ? .text("–")
                                        : .a(
                                            .href(Paths.with(Paths.sites, ["managementAgency": row.id.uuidString])),
                                            .text(Format.number(row.sites)))),
                                .td(
                                    .a(
                                        .href(Paths.with(Paths.activities, ["organisation": row.id.uuidString])),
                                        "lines")))
                        }))))
    }
}
