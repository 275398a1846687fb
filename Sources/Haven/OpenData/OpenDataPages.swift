import Foundation
import Vapor

/// `/open-data`: what the open-data package holds and the package itself, ready to upload to HDX.
struct OpenDataPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.openData) { req in
            Layout.response(
                OpenDataView(
                    user: try req.authorize(.readOperationalData), settings: req.application.havenSettings.openData,
                    threshold: req.application.havenSettings.smallCellThreshold
                ).render())
        }
        routes.get(Paths.openDataPackage, use: download)
    }

    func download(req: Request) async throws -> Response {
        try req.authorize(.readOperationalData)
        let settings = req.application.havenSettings
        let context = OpenDataContext(
            db: req.replica, today: .today(), smallCellThreshold: settings.smallCellThreshold)
        let package = try await OpenDataPackage.make(context, settings: settings.openData)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("open-data.zip")
        do {
            try package.write(to: file)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        let response = try await req.fileio.asyncStreamFile(
            at: file.path, onCompleted: { _ in try? FileManager.default.removeItem(at: directory) })
        response.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        response.headers.contentDisposition = .init(.attachment, filename: "haven-open-data-\(CalendarDay.today()).zip")
        return response
    }
}
