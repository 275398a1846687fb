import Foundation
import Vapor

extension WorkbookWriter {
    /// A workbook that `fill` writes to a temporary file, streamed from there and removed once sent.
    static func download(
        sheetName: String, layout: Layout = Layout(), filename: String, on req: Request,
        fill: (WorkbookWriter) async throws -> Void
    ) async throws -> Response {
        let workbook = try WorkbookWriter(sheetName: sheetName, layout: layout)
        do {
            try await fill(workbook)
            let file = try workbook.finish()
            let directory = workbook.directory
            let response = try await req.fileio.asyncStreamFile(
                at: file.path,
                onCompleted: { _ in
                    try? FileManager.default.removeItem(at: directory)
                })
            response.headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            response.headers.contentDisposition = .init(.attachment, filename: filename)
            return response
        } catch {
            workbook.discard()
            throw error
        }
    }
}
