import Fluent
import Plot
import Vapor

/// Upload a CSV or Excel file, see exactly what would change and every refused row, then confirm.
struct ImportPages: RouteCollection {
    /// An importer and its page.
    struct Kind {
        var staged: ImportKind
        var page: ImportPage
    }

    func boot(routes: any RoutesBuilder) throws {
        for importer in Importers.all {
            let kind = Kind(staged: importer.kind, page: importer.page)
            routes.get(kind.page.path) { req in try await self.form(kind, req) }
            routes.on(
                .POST, kind.page.path.components, body: .collect(maxSize: ByteCount(value: CSRFMiddleware.largestForm))
            ) { req in try await self.preview(kind, req) }
            routes.post(kind.page.commit) { req in try await self.commit(kind, req) }
            routes.get(kind.page.job) { req in try await self.follow(kind, req) }
        }
    }

    func form(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.page.permission)
        return Layout.response(page(kind, user: user, csrf: req.csrfToken, .p(.text(kind.page.help))))
    }

    func preview(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.page.permission)
        let file = try req.uploadedFile()
        let text = try Table.csvText(of: Data(buffer: file.data))
        let plans = req.application.importPlans
        if text.utf8.lazy.filter({ $0 == 10 }).count > req.application.havenSettings.backgroundImportRows {
            return try await background(kind, user: user, fileName: file.filename, req) { db, progress in
                let (preview, staged) = try await Imports.stage(
                    kind.staged, fileName: file.filename, text: text, user: user, on: db,
                    plans: plans, progress: progress)
                return {
                    $0.phase = .checked
                    $0.preview = preview
                    $0.stagedID = staged?.id
                }
            }
        }
        let (preview, staged) = try await Imports.stage(
            kind.staged, fileName: file.filename, text: text, user: user, on: req.db, plans: plans)
        return Layout.response(
            page(
                kind, user: user, csrf: req.csrfToken,
                previewNode(kind, preview, file: file.filename, stagedID: staged?.id, job: nil, req)),
            status: preview.canCommit ? .ok : .unprocessableEntity)
    }

    func commit(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.page.permission)
        let plans = req.application.importPlans
        let staged = req.parameters.get("staged")
        let jobID = (try? req.content.get(String.self, at: "job")).flatMap { UUID(uuidString: $0) }
        if let job = jobID, let followed = try await ImportJob.find(job, on: req.db), followed.userID == user.id {
            return try await background(kind, user: user, fileName: followed.fileName, id: job, req) { db, progress in
                let (_, preview) = try await Imports.commitStaged(
                    kind.staged, staged, user: user, on: db, plans: plans, progress: progress)
                return {
                    $0.phase = .imported
                    $0.preview = preview
                }
            }
        }
        let (done, preview) = try await Imports.commitStaged(kind.staged, staged, user: user, on: req.db, plans: plans)
        return Layout.response(
            page(kind, user: user, csrf: req.csrfToken, Self.imported(kind, file: done.fileName, preview)))
    }

    /// Runs a long check or import beside the request and sends the browser to the page that follows it, which any
    /// instance can show: the job's state is in the database.
    private func background(
        _ kind: Kind, user: UserContext, fileName: String, id: UUID = UUID(), _ req: Request,
        work: @escaping @Sendable (any Database, @escaping ImportProgress) async throws -> @Sendable (ImportJob) -> Void
    )
        async throws -> Response
    {
        let db = req.application.db
        let logger = req.logger
        if try await ImportJob.find(id, on: db) == nil {
            try await ImportJob.forgetOld(on: db)
            try await ImportJob(id: id, kind: kind.staged, userID: user.id, fileName: fileName).create(on: db)
        } else {
            try await ImportJob.update(id, on: db) {
                $0.phase = .importing
                $0.done = 0
            }
        }
        await ImportJob.here.start(id)
        Task {
            defer { Task { await ImportJob.here.end(id) } }
            do {
                let finish = try await ImportJob.beating(id, on: db) {
                    try await work(db, ImportJob.reporter(for: id, on: db))
                }
                try await ImportJob.update(id, on: db, finish)
            } catch {
                logger.notice(
                    "Background import failed",
                    metadata: ["kind": "\(kind.staged.rawValue)", "error": "\(type(of: error))"])
                let why =
                    (error as? HavenError)?.detail
                    ?? "The import stopped on an unexpected error; nothing was written. Try again, or ask the administrator to look at the server log."
                try? await ImportJob.update(id, on: db) {
                    $0.phase = .failed
                    $0.failure = why
                }
            }
        }
        return req.redirect(to: kind.page.job.link(id))
    }

    /// The page that follows a background check or import: progress while it runs (reloading itself), then the outcome.
    func follow(_ kind: Kind, _ req: Request) async throws -> Response {
        let user = try req.authorize(kind.page.permission)
        let jobID = req.parameters.get("job").flatMap { UUID(uuidString: $0) }
        guard let id = jobID, let job = try await ImportJob.find(id, on: req.db), job.userID == user.id else {
            return Layout.response(
                page(
                    kind, user: user, csrf: req.csrfToken,
                    .p(
                        .class("alert"),
                        "This import is not known here. Nothing half-done was written: check the file again.")),
                status: .notFound)
        }
        let runningHere = await ImportJob.here.contains(id)
        guard runningHere || !job.stopped() else {
            return Layout.response(
                page(
                    kind, user: user, csrf: req.csrfToken,
                    .p(
                        .class("alert"),
                        .text(
                            "The server \(job.phase == .checking ? "checking" : "importing") \(job.fileName) stopped before it finished. "
                                + "Nothing half-done was written (an import is written all at once or not at all): check the file again."
                        ))))
        }
        let content: Node<HTML.BodyContext>
        switch job.phase {
        case .checking, .importing:
            let verb = job.phase == .checking ? "Checking" : "Importing"
            content = .div(
                .class("notice"),
                .p(
                    .text(
                        "\(verb) \(job.fileName): \(Format.number(job.done)) of \(job.total == 0 ? "…" : Format.number(job.total)) rows."
                    )),
                .element(
                    named: "progress",
                    nodes: [
                        .attribute(named: "max", value: MarkupText.escaped(String(max(job.total, 1)))),
                        .attribute(named: "value", value: MarkupText.escaped(String(job.done))),
                    ]),
                .p(.small("This page reloads itself every 2 seconds.")))
            return Layout.response(page(kind, user: user, csrf: req.csrfToken, refreshSeconds: 2, content))
        case .checked:
            let preview = job.preview ?? ImportPreview()
            content = previewNode(kind, preview, file: job.fileName, stagedID: job.stagedID, job: id, req)
        case .imported:
            content = Self.imported(kind, file: job.fileName, job.preview ?? ImportPreview())
        case .failed:
            content = .p(.class("alert"), .text(job.failure ?? "The import failed; nothing was written."))
        }
        return Layout.response(page(kind, user: user, csrf: req.csrfToken, content))
    }

    /// The preview with, for a clean file, the button that confirms it.
    private func previewNode(
        _ kind: Kind, _ preview: ImportPreview, file: String, stagedID: UUID?, job: UUID?, _ req: Request
    ) -> Node<HTML.BodyContext> {
        .group(
            Self.previewNode(preview, file: file),
            .unwrap(stagedID) { staged in
                Layout.form(
                    action: kind.page.commit.link(staged), csrf: req.csrfToken,
                    .unwrap(job) { .input(.type(.hidden), .name("job"), .value(escaping: $0.uuidString)) },
                    .button(.type(.submit), .text("Import \(preview.creates) new and \(preview.updates) changed")))
            })
    }

    private static func imported(_ kind: Kind, file: String, _ preview: ImportPreview) -> Node<HTML.BodyContext> {
        .group(
            .p(
                .class("notice"),
                .text(
                    "Imported \(file): \(Format.number(preview.creates)) added, \(Format.number(preview.updates)) updated, \(Format.number(preview.unchanged)) unchanged."
                )),
            .p(.a(.href(kind.page.result), "See the result")))
    }

    private func page(
        _ kind: Kind, user: UserContext, csrf: String, refreshSeconds: Int? = nil, _ content: Node<HTML.BodyContext>...
    ) -> String {
        Layout.page(
            kind.page.title, user: user, refreshSeconds: refreshSeconds,
            .h1(.text(kind.page.title)),
            Self.links(for: user),
            .unwrap(kind.page.template) { .p(.a(.href($0.path), .text($0.label))) },
            .group(content),
            Layout.form(
                action: kind.page.path.link(), csrf: csrf, enctype: "multipart/form-data",
                .div(
                    .class("field"), .label(.for("file"), "Excel workbook (.xlsx, first sheet) or CSV file (UTF-8)"),
                    .input(
                        .type(.file), .name("file"), .id("file"),
                        .attribute(
                            named: "accept",
                            value:
                                ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        .required(true))),
                .button(.type(.submit), "Check the file")))
    }

    /// The imports this person may use, on every import page: the importers' and the boundaries'.
    static func links(for user: UserContext) -> Node<HTML.BodyContext> {
        let pages = (Importers.all.map { $0.page } + [BoundaryPages.page]).filter { $0.permission.isGranted(to: user) }
        var links: [Node<HTML.BodyContext>] = []
        for page in pages {
            if !links.isEmpty { links.append(.text(" · ")) }
            links.append(.a(.href(page.path), .text(page.title)))
        }
        return .p(.group(links))
    }

    /// The first import page this person may use, for the menu; nil for those who may import nothing.
    static func first(for user: UserContext) -> Address? {
        let pages = Importers.all.map { $0.page } + [BoundaryPages.page]
        return pages.first { $0.permission.isGranted(to: user) }.map { $0.path }
    }

    static func previewNode(_ preview: ImportPreview, file: String) -> Node<HTML.BodyContext> {
        .div(
            .class("preview"),
            .h2(.text("Preview of \(file)")),
            .div(
                .class("totals"),
                .div(.strong(.text(Format.number(preview.rows))), "rows"),
                .div(.strong(.text(Format.number(preview.creates))), "new"),
                .div(.strong(.text(Format.number(preview.updates))), "changed"),
                .div(.strong(.text(Format.number(preview.unchanged))), "unchanged")),
            .if(
                !preview.missingColumns.isEmpty,
                .p(.class("alert"), .text("Missing columns: " + preview.missingColumns.joined(separator: "; ")))),
            .if(
                !preview.errors.isEmpty,
                .group(
                    .p(
                        .class("alert"),
                        .text(
                            "\(preview.errors.count) problem(s) found. Nothing has been written; correct the file and check it again."
                        )),
                    rowTable(preview.errors, class: "errors", heading: "Problem"))),
            .if(
                !preview.warnings.isEmpty,
                .group(
                    .p(.text("\(preview.warnings.count) warning(s): accepted as they are, but worth a second look.")),
                    rowTable(preview.warnings, class: "warnings", heading: "Warning"))),
            .if(preview.canCommit, .p(.class("notice"), "No problems found. Nothing is written until you confirm.")))
    }

    private static func rowTable(_ rows: [RowError], class name: String, heading: String) -> Node<HTML.BodyContext> {
        .table(
            .class(name), .thead(.tr(.th("Row"), .th("Column"), .th(.text(heading)))),
            .tbody(.forEach(rows) { e in .tr(.td(.text(String(e.line))), .td(.text(e.column)), .td(.text(e.message))) })
        )
    }
}
