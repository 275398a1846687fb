import Foundation
import Plot

/// What the open-data package holds, what it leaves out, and the button that makes it.
struct OpenDataView {
    var user: UserContext
    var settings: OpenDataSettings
    var threshold: Int

    func render() -> String {
        Layout.page(
            "Open data", user: user,
            .h1("Open data for HDX"),
            .p(.class("links"), .a(.href(Paths.reports), "All reports")),
            .p(
                .text(
                    "One zip file with a CSV per table, each with a header row and an HXL hashtag row, a metadata file "
                        + "(metadata.json) and a README: ready to upload to the Humanitarian Data Exchange.")),
            .p(.a(.class("button"), .href(Paths.openDataPackage), "Download the package")),
            .h2("Files"),
            .ul(
                .forEach(OpenDataTables.all) { table in
                    .li(.strong(.text(table.name)), .text(" · \(table.title): \(table.summary)"))
                }),
            .h2("What is left out"),
            .p(
                .text(
                    "Nothing personal: no site notes, contacts or referral focal points, nothing said in complaints, "
                        + "no accounts. Counts of people below \(threshold) are left empty, and where one cell of a "
                        + "site's sex and age breakdown is, the next smallest is too.")),
            .h2("Metadata"),
            .div(
                .class("table-wrap"),
                .table(
                    .tbody(
                        .tr(.th("Operation"), .td(.text(settings.operation))),
                        .tr(.th("Source"), .td(.text(settings.source))),
                        .tr(.th("Licence"), .td(.text(settings.licence))),
                        .tr(.th("Contact"), .td(.text(settings.contact.isEmpty ? "–" : settings.contact)))))),
            .p(
                .class("explain"),
                .text(
                    "Set by the operator: HAVEN_OPERATION_NAME, HAVEN_OPEN_DATA_SOURCE, HAVEN_OPEN_DATA_LICENCE, "
                        + "HAVEN_OPEN_DATA_CONTACT. The same package is made on the command line with "
                        + "`haven export open-data FILE.zip`.")))
    }
}
