import Plot
import Vapor

/// Uploading administrative boundaries (GeoJSON) so that the monitoring map draws them.
struct BoundaryPages: RouteCollection {
    static let help =
        "A GeoJSON FeatureCollection of Polygon or MultiPolygon features, as COD-AB boundaries are published on HDX. "
        + "Each feature is matched to an area of the gazetteer by its P-code property (adm1_pcode … adm5_pcode or pcode, the most detailed "
        + "level first). Outlines are simplified to about 200 m, enough for the map. Import the areas first."
    /// Listed with the importers' pages.
    static let page = ImportPage(
        title: "Boundaries (GeoJSON)", path: Paths.importBoundaries, permission: .editGazetteer, help: help,
        result: Paths.adminAreas)

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.importBoundaries, use: form)
        routes.on(
            .POST, Paths.importBoundaries.components,
            body: .collect(maxSize: ByteCount(value: CSRFMiddleware.largestForm)), use: upload)
    }

    func form(req: Request) async throws -> Response {
        let user = try req.authorize(Self.page.permission)
        return Layout.response(page(user: user, csrf: req.csrfToken, .p(.text(Self.help))))
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.authorize(Self.page.permission)
        let file = try req.uploadedFile()
        let plan = try await BoundaryImport.plan(Data(buffer: file.data), on: req.db)
        guard plan.problems.isEmpty else {
            return Layout.response(
                page(
                    user: user, csrf: req.csrfToken,
                    .p(
                        .class("alert"),
                        .text("Nothing was imported from \(file.filename): \(plan.problems.count) problem(s).")),
                    .ul(.class("errors"), .forEach(plan.problems) { .li(.text($0)) })), status: .unprocessableEntity)
        }
        let outcome = try await BoundaryImport.commit(plan, by: user.actor, on: req.db)
        return Layout.response(
            page(
                user: user, csrf: req.csrfToken,
                .p(
                    .class("notice"),
                    .text(
                        "Imported \(file.filename): \(outcome.added) outlines added, \(outcome.updated) updated, \(outcome.unchanged) unchanged."
                    )),
                .p(.a(.href(Paths.monitoring), "See them on the monitoring map"))))
    }

    private func page(user: UserContext, csrf: String, _ content: Node<HTML.BodyContext>...) -> String {
        Layout.page(
            "Import boundaries", user: user,
            .h1("Import administrative boundaries"),
            ImportPages.links(for: user),
            .group(content),
            Layout.form(
                action: Paths.importBoundaries.link(), csrf: csrf, enctype: "multipart/form-data",
                .div(
                    .class("field"), .label(.for("file"), "GeoJSON file"),
                    .input(
                        .type(.file), .name("file"), .id("file"),
                        .attribute(named: "accept", value: ".geojson,.json,application/geo+json"),
                        .required(true))),
                .button(.type(.submit), "Import the outlines")))
    }
}
