import Fluent
import Vapor

/// A response plan target as the API returns it: what was set, with its id.
struct TargetBody: Content {
    var id: UUID
    var sector: String
    var activity: String?
    var adminArea: String?
    var indicator: String
    var fromMonth: String
    var toMonth: String
    var people: Int
    var comment: String
    var archived: Bool

    init(_ target: ResponseTarget) throws {
        id = try target.requireID()
        (sector, indicator, fromMonth, toMonth, people, comment) =
            (target.sector, target.indicator, target.fromMonth, target.toMonth, target.people, target.comment)
        activity = target.activityCode.isEmpty ? nil : target.activityCode
        adminArea = target.areaPcode.isEmpty ? nil : target.areaPcode
        archived = target.archivedAt != nil
    }
}

/// One target with the reach counted toward it and, when asked, how that reach divides.
struct ProgressItem: Content {
    struct Part: Content {
        var key: String, label: String, reached: Int
    }

    var target: TargetBody
    var reached: Int
    var targetedByPartners: Int
    var percent: Double
    var parts: [Part]
}

/// `/api/v1/targets` (coordinators set the response plan) and `/api/v1/analysis/progress`.
struct TargetAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let targets = routes.grouped("targets")
        targets.get(use: list)
        targets.post(use: create)
        targets.get(":id", use: show)
        targets.put(":id", use: update)
        targets.archiveAndRestore(":id", use: setArchived)
        routes.get("analysis", "progress", use: progress)
        ProgressExport.table.register(Paths.progressDownload, on: routes, rows: ProgressExport.rows)
    }

    func list(req: Request) async throws -> Page<TargetBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let targets = try await ProgressQuery(req).targets(on: req.db)
        return Page(
            items: try targets.dropFirst(page.offset).prefix(page.limit).map(TargetBody.init), total: targets.count,
            request: page)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.authorize(.editResponsePlan)
        let target = try await TargetRegister.record(try req.content.decode(TargetInput.self), by: user, on: req.db)
        return try await TargetBody(target).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> TargetBody {
        try req.authorize(.readOperationalData)
        return try TargetBody(try await req.find(ResponseTarget.self, named: "Target"))
    }

    func update(req: Request) async throws -> TargetBody {
        let user = try req.authorize(.editResponsePlan)
        let target = try await req.find(ResponseTarget.self, named: "Target")
        try await TargetRegister.update(target, with: try req.content.decode(TargetInput.self), by: user, on: req.db)
        return try TargetBody(target)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> TargetBody {
        let user = try req.authorize(.editResponsePlan)
        let target = try await req.find(ResponseTarget.self, named: "Target")
        try await TargetRegister.setArchived(archived, target, by: user, on: req.db)
        return try TargetBody(target)
    }

    func progress(req: Request) async throws -> Page<ProgressItem> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = try ProgressQuery(req)
        let (targets, progress, names) = try await query.progress(on: req.db)
        let items = try zip(targets, progress).dropFirst(page.offset).prefix(page.limit).map { target, p in
            ProgressItem(
                target: try TargetBody(target), reached: p.reached, targetedByPartners: p.targetedByPartners,
                percent: p.percent,
                parts: p.parts.map {
                    .init(key: $0.key, label: ProgressQuery.label($0.key, query.dimension, names), reached: $0.reached)
                })
        }
        return Page(items: items, total: progress.count, request: page)
    }
}
