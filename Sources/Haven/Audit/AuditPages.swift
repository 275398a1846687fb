import Fluent
import Plot
import Vapor

/// The whole audit trail for administrators, filterable by record type, person, action and dates.
struct AuditPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.audit, use: list)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.authorize(.readAuditTrail)
        let filter = try AuditTrail.Filter(req)
        let page = try PageRequest(req)
        let (events, total) = try await filter.query(on: req.db).fetchPage(page)
        var base: [String: String] = [:]
        for key in ["entity", "actor", "action", "from", "to"] {
            if let value = (req.query[key] as String?).nonEmpty { base[key] = value }
        }
        return Layout.response(
            Layout.page(
                "Audit trail", user: user,
                .h1("Audit trail"),
                filterForm(filter),
                .p(.text("\(Format.number(total)) events")),
                try await AuditTable.load(events, on: req.db).render(),
                Layout.pager(total: total, page: page, baseQuery: base, path: Paths.audit.link())))
    }

    private func filterForm(_ filter: AuditTrail.Filter) -> Node<HTML.BodyContext> {
        let entities = [
            Site.auditEntity, PopulationCount.auditEntity, AdminArea.auditEntity, Organisation.auditEntity,
            User.auditEntity,
        ]
        let entityOptions: Node<HTML.SelectContext> = .forEach(entities) {
            Layout.option($0, $0, selected: $0 == filter.entity)
        }
        let actionOptions: Node<HTML.SelectContext> = .forEach(AuditEvent.Action.allCases) {
            Layout.option($0.rawValue, $0.rawValue, selected: $0 == filter.action)
        }
        return .form(
            .class("filters"), .method(.get), .action(Paths.audit),
            .label(
                "Record type",
                .select(.attribute(named: "name", value: "entity"), Layout.option("", "All"), entityOptions)),
            .label("Who", .input(.type(.text), .name("actor"), .value(escaping: filter.actor ?? ""))),
            .label(
                "Action", .select(.attribute(named: "name", value: "action"), Layout.option("", "All"), actionOptions)),
            .label("From", .input(.type(.date), .name("from"), .value(escaping: filter.from?.description ?? ""))),
            .label("To", .input(.type(.date), .name("to"), .value(escaping: filter.to?.description ?? ""))),
            .button(.type(.submit), "Filter"))
    }
}
