import Fluent
import Plot
import Vapor

/// Upload a CSV or Excel file, see exactly what would change and every refused row, then confirm.
struct ImportPages: RouteCollection {
    struct Kind {
        var staged: StagedImport.Kind
        var title: String
        var path: String
        var permission: Permission
        var help: String
    }

    static let sites = Kind(staged: .sites, title: "Import sites", path: Paths.importSites, permission: .createSite,
        help: "Columns by header or HXL hashtag, in any order: code (#loc+code), name (#loc+name), type (#loc+type), status (#status), the lowest admin P-code (adm1_pcode … adm4_pcode or #adm2+code …), and optionally latitude (#geo+lat), longitude (#geo+lon), management agency (#org+sma), land ownership, tenancy agreement, area_m2, capacity_households, capacity_individuals, opened_on, closed_on, notes. Known site codes are updated; identical rows change nothing.")
    static let adminAreas = Kind(staged: .adminAreas, title: "Import administrative areas", path: Paths.importAdminAreas, permission: .editGazetteer,
        help: "The COD-AB table shape: one row per lowest area with a P-code and name column per level (adm0_pcode, adm0_en, adm1_pcode, adm1_en … or #adm1+code, #adm1+name …). Each child's P-code must start with its parent's.")

    static let rounds = Kind(staged: .rounds, title: "Import monitoring rounds", path: Paths.importRounds, permission: .uploadRounds,
        help: "One row per round: site (its code), conducted_on (yyyy-mm-dd), key_informants (roles separated by ;), then one column per question, headed by its indicator code. Download the template for the current catalogue. Leave a cell empty when the question was not asked; ratios are computed by Haven.")

    static let activities = Kind(staged: .activities, title: "Import 5W activities", path: Paths.importActivities, permission: .uploadActivities,
        help: "One row per activity line: reporting organisation (#org+name, name or acronym), activity code (#activity+code), site code (#loc+code) or admin area P-code (#adm+code), status (#status: planned, ongoing/active, completed, cancelled), start date (#date+start), reporting month (#date+reported, yyyy-mm), and optionally implementing partner (#org+impl), donor (#org+funder), end date (#date+end), modality (in kind, cash, service), people targeted and reached (#targeted+ind, #reached+ind, or targeted_female_0_4 … reached_male_60_plus), households (#targeted+hh, #reached+hh), comment. A line already reported (same organisations, activity, place, month and modality) is updated; sending the same file again changes nothing.")

    func boot(routes: any RoutesBuilder) throws {
        routes.get("import", "rounds", "template.csv") { req -> Response in
            try req.authorize(.uploadRounds)
            let response = Response(status: .ok)
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.contentDisposition = .init(.attachment, filename: "haven-monitoring-rounds.csv")
            response.body = .init(string: RoundImport.template(try await Catalogue.current(on: req.db).indicators))
            return response
        }
        for kind in [Self.sites, Self.adminAreas, Self.rounds, Self.activities] {
            let path = kind.path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
            routes.get(path) { req in try await self.form(kind, req) }
            routes.on(.POST, path, body: .collect(maxSize: ByteCount(value: CSRFMiddleware.largestForm))) { req in try await self.preview(kind, req) }
            routes.post(path + [":staged", "commit"]) { req in try await self.commit(kind, req) }
        }
    }

    func form(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.permission)
        return Layout.response(page(kind, user: user, csrf: req.csrfToken, .p(.text(kind.help))))
    }

    struct Upload: Content {
        var file: File
    }

    func preview(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.permission)
        let upload = try req.content.decode(Upload.self)
        let (preview, staged) = try await Self.stage(kind.staged, upload.file, user: user, on: req.db)
        return Layout.response(page(kind, user: user, csrf: req.csrfToken, Self.previewNode(preview, file: upload.file.filename),
            .unwrap(staged) { staged in
                Layout.form(action: kind.path + "/\(staged.id!.uuidString)/commit", csrf: req.csrfToken,
                            .button(.type(.submit), .text("Import \(preview.creates) new and \(preview.updates) changed")))
            }), status: preview.canCommit ? .ok : .unprocessableEntity)
    }

    func commit(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.permission)
        let (staged, preview) = try await Self.commitStaged(kind.staged, req.parameters.get("staged"), user: user, on: req.db)
        return Layout.response(page(kind, user: user, csrf: req.csrfToken,
            .p(.class("notice"), .text("Imported \(staged.fileName): \(preview.creates) added, \(preview.updates) updated, \(preview.unchanged) unchanged.")),
            .p(.a(.href(Self.result(of: kind.staged)), "See the result"))))
    }

    private static func result(of kind: StagedImport.Kind) -> String {
        switch kind {
        case .adminAreas: "/areas"
        case .rounds: "/monitoring"
        case .sites: Paths.sites
        case .activities: Paths.importActivities
        }
    }

    /// Checks an uploaded file and, when it can be imported, keeps it until the person confirms.
    static func stage(_ kind: StagedImport.Kind, _ file: File, user: UserContext, on db: any Database) async throws -> (ImportPreview, StagedImport?) {
        let text = try Table.csvText(of: Data(buffer: file.data))
        let preview = try await Self.preview(kind, text: text, user: user, on: db)
        guard preview.canCommit else { return (preview, nil) }
        let staged = StagedImport(kind: kind, fileName: file.filename, content: text, userID: user.id)
        try await staged.create(on: db)
        return (preview, staged)
    }

    /// Imports a file this person staged, once.
    static func commitStaged(_ kind: StagedImport.Kind, _ rawID: String?, user: UserContext, on db: any Database) async throws -> (StagedImport, ImportPreview) {
        guard let rawID, let id = UUID(uuidString: rawID), let staged = try await StagedImport.find(id, on: db),
              staged.userID == user.id, staged.kind == kind else {
            throw HavenError.notFound("Staged import")
        }
        guard staged.committedAt == nil else { throw HavenError.conflict("This file was already imported.") }
        let preview = try await Self.commit(kind, text: staged.content, user: user, by: user.actor, on: db)
        staged.committedAt = Date()
        try await staged.update(on: db)
        return (staged, preview)
    }

    /// The preview for the CLI and the page alike. Rounds need the person, whose sites each row must be.
    static func preview(_ kind: StagedImport.Kind, text: String, user: UserContext?, on db: any Database) async throws -> ImportPreview {
        let table = try Table(csv: text)
        switch kind {
        case .sites: return try await SiteImport.plan(table, on: db).preview
        case .adminAreas: return try await AdminAreaImport.plan(table, on: db).preview
        case .rounds: return try await RoundImport.plan(table, for: try person(user), on: db).preview
        case .activities: return try await ActivityImport.plan(table, for: try person(user), on: db).preview
        }
    }

    /// Plans again against the database as it is now, then writes all or nothing.
    static func commit(_ kind: StagedImport.Kind, text: String, user: UserContext?, by actor: Actor, on db: any Database) async throws -> ImportPreview {
        let table = try Table(csv: text)
        return try await db.write { tx in
            switch kind {
            case .sites:
                let plan = try await SiteImport.plan(table, on: tx)
                try await SiteImport.commit(plan, by: actor, on: tx)
                return plan.preview
            case .adminAreas:
                let plan = try await AdminAreaImport.plan(table, on: tx)
                try await AdminAreaImport.commit(plan, by: actor, on: tx)
                return plan.preview
            case .rounds:
                let plan = try await RoundImport.plan(table, for: try person(user), on: tx)
                try await RoundImport.commit(plan, by: try person(user), on: tx)
                return plan.preview
            case .activities:
                let plan = try await ActivityImport.plan(table, for: try person(user), on: tx)
                try await ActivityImport.commit(plan, by: try person(user), on: tx)
                return plan.preview
            }
        }
    }

    private static func person(_ user: UserContext?) throws -> UserContext {
        guard let user else { throw HavenError.badRequest("Rounds are imported in the browser, where each row's site is checked against your account.") }
        return user
    }

    private func page(_ kind: Kind, user: UserContext, csrf: String, _ content: Node<HTML.BodyContext>...) -> String {
        Layout.page(kind.title, user: user,
            .h1(.text(kind.title)),
            Self.links,
            .if(kind.staged == .rounds, .p(.a(.href(Paths.importRounds + "/template.csv"), "Download the template for the current catalogue"))),
            .group(content),
            Layout.form(action: kind.path, csrf: csrf, enctype: "multipart/form-data",
                .div(.class("field"), .label(.for("file"), "Excel workbook (.xlsx, first sheet) or CSV file (UTF-8)"),
                     .input(.type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), .required(true))),
                .button(.type(.submit), "Check the file")))
    }

    /// The imports there are, on every import page.
    static var links: Node<HTML.BodyContext> { .p(
        .a(.href(Paths.importSites), "Sites"), " · ", .a(.href(Paths.importAdminAreas), "Administrative areas"),
        " · ", .a(.href(Paths.importBoundaries), "Boundaries (GeoJSON)"), " · ", .a(.href(Paths.importRounds), "Monitoring rounds"), " · ", .a(.href(Paths.importActivities), "5W activities")) }

    static func previewNode(_ preview: ImportPreview, file: String) -> Node<HTML.BodyContext> {
        .div(.class("preview"),
            .h2(.text("Preview of \(file)")),
            .div(.class("totals"),
                 .div(.strong(.text(Format.number(preview.rows))), "rows"),
                 .div(.strong(.text(Format.number(preview.creates))), "new"),
                 .div(.strong(.text(Format.number(preview.updates))), "changed"),
                 .div(.strong(.text(Format.number(preview.unchanged))), "unchanged")),
            .if(!preview.missingColumns.isEmpty, .p(.class("alert"), .text("Missing columns: " + preview.missingColumns.joined(separator: "; ")))),
            .if(!preview.errors.isEmpty, .group(
                .p(.class("alert"), .text("\(preview.errors.count) problem(s) found. Nothing has been written; correct the file and check it again.")),
                rowTable(preview.errors, class: "errors", heading: "Problem"))),
            .if(!preview.warnings.isEmpty, .group(
                .p(.text("\(preview.warnings.count) warning(s): accepted as they are, but worth a second look.")),
                rowTable(preview.warnings, class: "warnings", heading: "Warning"))),
            .if(preview.canCommit, .p(.class("notice"), "No problems found. Nothing is written until you confirm.")))
    }

    private static func rowTable(_ rows: [RowError], class name: String, heading: String) -> Node<HTML.BodyContext> {
        .table(.class(name), .thead(.tr(.th("Row"), .th("Column"), .th(.text(heading)))),
               .tbody(.forEach(rows) { e in .tr(.td(.text(String(e.line))), .td(.text(e.column)), .td(.text(e.message))) }))
    }
}
