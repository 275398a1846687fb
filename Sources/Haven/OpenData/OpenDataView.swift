import Foundation
import Plot

/// What the open-data package holds, what it leaves out, and the button that makes it.
struct OpenDataView {
    var user: UserContext
    var settings: OpenDataSettings
    var threshold: Int

    func render() -> String {
        let w = Wording.staff
        return Layout.page(
            w[.openDataTitle], user: user,
            .h1(.text(w[.openDataTitle])),
            .p(.class("links"), .a(.href(Paths.reports), .text(w[.allReports]))),
            .p(.text(w[.openDataIntro])),
            .p(.a(.class("button"), .href(Paths.openDataPackage), .text(w[.downloadPackage]))),
            .h2(.text(w[.files])),
            // What each file holds is told in the package's README and metadata, in English as HDX reads them.
            .ul(.forEach(OpenDataTables.all) { table in .li(.code(.text(table.name))) }),
            .h2(.text(w[.leftOut])),
            .p(.text(w[.leftOutText, ["threshold": String(threshold)]])),
            .h2(.text(w[.metadata])),
            .div(
                .class("table-wrap"),
                .table(
                    .tbody(
                        .tr(
                            .th(.text(w[.operation])), .td(.text(settings.operation.isEmpty ? "–" : settings.operation))
                        ),
                        .tr(.th(.text(w[.source])), .td(.text(settings.source))),
                        .tr(.th(.text(w[.licence])), .td(.text(settings.licence))),
                        .tr(.th(.text(w[.contact])), .td(.text(settings.contact.isEmpty ? "–" : settings.contact)))))),
            .p(.class("explain"), .text(w[.openDataSettings])))
    }
}
