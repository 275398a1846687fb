import Foundation
import Plot
import Vapor

/// One of Haven's addresses, written once as a pattern (`/sites/:id/edit`): the router matches it and pages
/// write their links from it, so a link cannot point to a route that does not exist.
struct Address: Sendable, Hashable, CustomStringConvertible {
    let pattern: String

    init(_ pattern: String) { self.pattern = pattern }

    var components: [PathComponent] {
        pattern.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// The pattern itself: the link of an address without parameters.
    var description: String { pattern }

    /// The link with each `:parameter` filled in by the next value, in order, encoded as a path segment.
    func link(_ values: String...) -> String {
        var remaining = values[...]
        return "/"
            + pattern.split(separator: "/").map { segment in
                guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
                return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? ""
            }.joined(separator: "/")
    }

    func link(_ id: UUID) -> String { link(id.uuidString) }

    /// A deeper address under this one, such as `…/jobs/:job`.
    func appending(_ more: String) -> Address { Address(pattern + "/" + more) }

    /// The rest of this address under `base`, for a route registered in base's group (the API's `/api/v1`).
    func below(_ base: Address) -> Address {
        Address(pattern.hasPrefix(base.pattern + "/") ? String(pattern.dropFirst(base.pattern.count)) : pattern)
    }

    /// Where a record at this address is archived and restored (deletes are archives).
    var archive: Address { appending("archive") }
    var restore: Address { appending("restore") }
}

extension RoutesBuilder {
    @discardableResult
    func get<Answer: AsyncResponseEncodable>(
        _ address: Address, use handler: @escaping @Sendable (Request) async throws -> Answer
    ) -> Route {
        on(.GET, address.components, use: handler)
    }

    @discardableResult
    func post<Answer: AsyncResponseEncodable>(
        _ address: Address, use handler: @escaping @Sendable (Request) async throws -> Answer
    ) -> Route {
        on(.POST, address.components, use: handler)
    }
}

extension Address: URLRepresentable {}

/// A table's two downloads under the API: CSV with HXL, and Excel.
struct Download: Sendable, Hashable {
    let csv: Address
    let workbook: Address

    init(_ name: String) {
        csv = Address("/api/v1/exports/\(name).csv")
        workbook = Address("/api/v1/exports/\(name).xlsx")
    }

    /// "label (Excel · CSV)", for a page that offers several downloads in one line.
    func named(_ label: String, _ query: [String: String] = [:]) -> Node<HTML.BodyContext> {
        .group(
            .text(label + " ("), .a(.href(Paths.with(workbook, query)), "Excel"), " · ",
            .a(.href(Paths.with(csv, query)), "CSV"), ")")
    }

    /// Links to both files with the page's filters, as pages with a table show them.
    func links(_ query: [String: String] = [:]) -> Node<HTML.BodyContext> {
        .p(
            .class("downloads noprint"), .text(Wording.staff[.download] + " "),
            .a(.href(Paths.with(csv, query)), "CSV (HXL)"), " · ",
            .a(.href(Paths.with(workbook, query)), "Excel"))
    }
}
