import Fluent
import Vapor

/// `POST /api/v1/activities/imports`: a partner system sends its 5W file and gets the preview back
/// (row errors and warnings); when the file is clean, a second call commits it.
struct ActivityImportAPI: RouteCollection {
    struct RowBody: Content {
        var row: Int, column: String, message: String
    }

    struct PreviewBody: Content {
        /// Present when the file can be imported: commit it with `/activities/imports/{id}/commit`.
        var id: UUID?
        var fileName: String
        var rows: Int, creates: Int, updates: Int, unchanged: Int
        var missingColumns: [String]
        var errors: [RowBody]
        var warnings: [RowBody]
        var committed: Bool

        init(_ preview: ImportPreview, staged: StagedImport?, fileName: String, committed: Bool = false) {
            id = staged?.id
            self.fileName = fileName
            (rows, creates, updates, unchanged) = (preview.rows, preview.creates, preview.updates, preview.unchanged)
            missingColumns = preview.missingColumns
            errors = preview.errors.map { RowBody(row: $0.line, column: $0.column, message: $0.message) }
            warnings = preview.warnings.map { RowBody(row: $0.line, column: $0.column, message: $0.message) }
            self.committed = committed
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.grouped("activities", "imports")
        imports.on(.POST, body: .collect(maxSize: ByteCount(value: CSRFMiddleware.largestForm)), use: preview)
        imports.post(":staged", "commit", use: commit)
    }

    func preview(req: Request) async throws -> Response {
        let user = try req.authorize(.uploadActivities)
        let file = try req.uploadedFile()
        let text = try Table.csvText(of: Data(buffer: file.data))
        let (preview, staged) = try await Imports.stage(
            .activities, fileName: file.filename, text: text, user: user, on: req.db,
            plans: req.application.importPlans)
        return try await PreviewBody(preview, staged: staged, fileName: file.filename)
            .encodeResponse(status: preview.canCommit ? .ok : .unprocessableEntity, for: req)
    }

    func commit(req: Request) async throws -> PreviewBody {
        let user = try req.authorize(.uploadActivities)
        let (staged, preview) = try await Imports.commitStaged(
            .activities, req.parameters.get("staged"), user: user, on: req.db,
            plans: req.application.importPlans)
        return PreviewBody(preview, staged: staged, fileName: staged.fileName, committed: true)
    }
}
