import Vapor

/// Serves the OpenAPI document that describes `/api/v1`.
struct OpenAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json") { _ -> Response in
            let response = Response(status: .ok)
            response.headers.contentType = .json
            response.body = .init(string: OpenAPIDocument.json)
            return response
        }
    }
}
