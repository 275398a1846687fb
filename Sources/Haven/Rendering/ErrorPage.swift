import Plot
import Vapor

/// The page a browser sees when something goes wrong.
enum ErrorPage {
    static func render(status: HTTPResponseStatus, detail: String, user: UserContext?) -> String {
        Layout.page(
            status.reasonPhrase, user: user,
            .h1(.text(status.reasonPhrase)),
            .p(.text(detail)),
            .p(.a(.href(Paths.sites), "Back to the sites")))
    }
}
