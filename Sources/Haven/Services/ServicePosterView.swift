import Foundation
import Plot

/// A site's public poster: the services there and how to give feedback or complain, in the reader's language.
/// Printed and pinned on notice boards, so it reads on paper and on a phone.
struct ServicePosterView {
    var listing: ServiceListing
    var wording: Wording
    /// The operation's languages, the first its default.
    var languages: [Wording]
    var hotline: String?
    /// Where residents reach Haven (`HAVEN_PUBLIC_URL`): a poster on paper needs the whole address.
    var publicURL: String

    /// The full address of this site's feedback form, in the poster's language unless that is the default.
    var form: String {
        let language = wording.code == languages.first?.code ? [:] : ["lang": wording.code]
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return base + Paths.with(Paths.publicFeedback, ["site": listing.site.code].merging(language) { a, _ in a })
    }

    func render() -> String {
        let site = listing.site
        let w = wording
        return Layout.page(
            w[.servicesAt, ["site": site.name]], user: nil, wording: w,
            Layout.languages(languages, current: w, path: Paths.poster.link(site.code)),
            .h1(.text(w[.servicesAt, ["site": site.name]])),
            .p(.class("hint"), .text(w[.siteUpdated, ["code": site.code, "date": w.day(Date())]])),
            listing.services.isEmpty
                ? .p(.text(w[.noServices]))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(w[.service])), .th(.text(w[.who])), .th(.text(w[.whereColumn])),
                                .th(.text(w[.when])), .th(.text(w[.howToReach])))),
                        .tbody(
                            .forEach(listing.services) { s in
                                .tr(
                                    .td(.strong(.text(s.name)), .br(), .small(.text(w.sector(s.sector)))),
                                    .td(.text(listing.providers[s.$provider.id] ?? "")), .td(.text(s.location)),
                                    .td(.text(s.hours)), .td(.text(s.contact)))
                            }))),
            .h2(.text(w[.tellUs])),
            // A phone's camera opens the form from the printed poster.
            .unwrap(QRCode(form)) { code in .div(.class("qr"), .raw(code.svg(label: form))) },
            .ul(
                .li(.text(w[.online] + " "), .a(.href(form), .attribute(named: "dir", value: "ltr"), .text(form))),
                .unwrap(hotline) {
                    .li(.text(w[.hotline] + " "), .strong(.attribute(named: "dir", value: "ltr"), .text($0)))
                },
                .li(.text(w[.inPerson])),
                .li(.text(w[.confidential]))))
    }
}
