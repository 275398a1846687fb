import Fluent
import Vapor

/// A 5W line as the API returns it: what was sent, with what Haven derived and any warnings.
struct ActivityBody: Content {
    var id: UUID
    var line: ActivityInput
    var sector: String
    var adminAreaId: UUID
    var archived: Bool
    var warnings: [FieldError]

    init(_ activity: Activity, warnings: [FieldError] = []) throws {
        self.init(try ActivityLine(activity), warnings: warnings)
    }

    init(_ activity: ActivityLine, warnings: [FieldError] = []) {
        id = activity.id
        line = ActivityInput(
            reportingOrganisationId: activity.reportingOrganisationId,
            implementingOrganisationId: activity.implementingOrganisationId,
            donorOrganisationId: activity.donorOrganisationId, activity: activity.activityCode,
            siteId: activity.siteId, adminArea: nil, status: activity.status, startOn: .stored(activity.startOn),
            endOn: activity.endOn.flatMap(CalendarDay.init),
            month: .stored(activity.month), modality: activity.modality,
            targeted: Activity.people(total: activity.targeted, cells: activity.targetedCells),
            reached: Activity.people(total: activity.reached, cells: activity.reachedCells),
            householdsTargeted: activity.householdsTargeted, householdsReached: activity.householdsReached,
            comment: activity.comment.isEmpty ? nil : activity.comment)
        sector = activity.sector
        adminAreaId = activity.adminAreaId
        archived = activity.archivedAt != nil
        self.warnings = warnings
    }

    /// The line's fields at the top level, as they were sent.
    func encode(to encoder: any Encoder) throws {
        try line.encode(to: encoder)
        var extra = encoder.container(keyedBy: Keys.self)
        try extra.encode(id, forKey: .id)
        try extra.encode(sector, forKey: .sector)
        try extra.encode(adminAreaId, forKey: .adminAreaId)
        try extra.encode(archived, forKey: .archived)
        try extra.encode(warnings, forKey: .warnings)
    }

    init(from decoder: any Decoder) throws {
        line = try ActivityInput(from: decoder)
        let extra = try decoder.container(keyedBy: Keys.self)
        id = try extra.decode(UUID.self, forKey: .id)
        sector = try extra.decode(String.self, forKey: .sector)
        adminAreaId = try extra.decode(UUID.self, forKey: .adminAreaId)
        archived = try extra.decode(Bool.self, forKey: .archived)
        warnings = try extra.decode([FieldError].self, forKey: .warnings)
    }

    private enum Keys: String, CodingKey { case id, sector, adminAreaId, archived, warnings }
}

/// `/api/v1/activities`: the 5W for partners' systems and scripts.
struct ActivityAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let activities = routes.grouped("activities")
        activities.get(use: list)
        activities.post(use: create)
        activities.get(":id", use: show)
        activities.put(":id", use: update)
        activities.archiveAndRestore(":id", use: setArchived)
        ActivityExport.table.register(Paths.activitiesDownload, on: routes) { req in
            try await ActivityExport.rows(ActivityFilter(req, user: req.authorize(.readOperationalData)), on: req.db)
        }
    }

    func list(req: Request) async throws -> Page<ActivityBody> {
        let user = try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let filter = try await ActivityFilter(req, user: user)
        let query = try await ActivityListQuery(filter, on: req.db)
        let lines = try await query.page(page)
        let total = try await query.count()
        return Page(items: lines.map { ActivityBody($0) }, total: total, request: page)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let recorded = try await ActivityRegister.record(
            try req.content.decode(ActivityInput.self), by: user, on: req.db)
        return try await ActivityBody(recorded.activity, warnings: recorded.warnings).encodeResponse(
            status: .created, for: req)
    }

    func show(req: Request) async throws -> ActivityBody {
        try ActivityBody(try await visible(req))
    }

    func update(req: Request) async throws -> ActivityBody {
        let activity = try await visible(req)
        let recorded = try await ActivityRegister.update(
            activity, with: try req.content.decode(ActivityInput.self), by: req.requireUser(), on: req.db)
        return try ActivityBody(recorded.activity, warnings: recorded.warnings)
    }

    func setArchived(_ archived: Bool, _ req: Request) async throws -> ActivityBody {
        let activity = try await visible(req)
        try await ActivityRegister.setArchived(archived, activity, by: req.requireUser(), on: req.db)
        return try ActivityBody(activity)
    }

    /// The line, if this person may see it: partners see their own organisation's lines only.
    private func visible(_ req: Request) async throws -> Activity {
        let user = try req.authorize(.readOperationalData)
        let activity = try await req.find(Activity.self, named: "Activity")
        guard ActivityFilter.canSee(activity, user) else { throw HavenError.notFound("Activity") }
        return activity
    }
}
