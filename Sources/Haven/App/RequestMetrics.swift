import Fluent
import Foundation
import Vapor

/// Requests and their latency per route, in Prometheus's text format at `/metrics`, with the import jobs
/// by phase. Counts are per instance, as Prometheus expects (it adds instances up). Served only when
/// `HAVEN_METRICS_TOKEN` is set, to a scraper that sends it as a bearer token.
actor RequestMetrics {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Key: Hashable { var method: String; var route: String; var status: Int }

    private var requests: [Key: Int] = [:]
    private var durations: [String: (buckets: [Int], sum: Double, count: Int)] = [:]

    func record(method: String, route: String, status: Int, seconds: Double) {
        requests[Key(method: method, route: route, status: status), default: 0] += 1
        var entry = durations[route] ?? (Array(repeating: 0, count: Self.buckets.count), 0, 0)
        for (index, bound) in Self.buckets.enumerated() where seconds <= bound { entry.buckets[index] += 1 }
        entry.sum += seconds
        entry.count += 1
        durations[route] = entry
    }

    /// The exposition, with `extra` lines (gauges read at scrape time) appended.
    func text(extra: [String]) -> String {
        var lines = ["# TYPE haven_http_requests_total counter"]
        for (key, count) in requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            lines.append("haven_http_requests_total{method=\"\(key.method)\",route=\"\(key.route)\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# TYPE haven_http_request_duration_seconds histogram")
        for (route, entry) in durations.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("haven_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(entry.buckets[index])")
            }
            lines.append("haven_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(entry.count)")
            lines.append("haven_http_request_duration_seconds_sum{route=\"\(route)\"} \(entry.sum)")
            lines.append("haven_http_request_duration_seconds_count{route=\"\(route)\"} \(entry.count)")
        }
        return (lines + extra).joined(separator: "\n") + "\n"
    }
}

/// Times every request under the route that answered it (its pattern, never the ids or codes in the path).
struct RequestMetricsMiddleware: AsyncMiddleware {
    let metrics: RequestMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - started
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        await metrics.record(method: request.method.rawValue, route: route, status: Int(response.status.code),
                             seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return response
    }
}

struct MetricsRoutes: RouteCollection {
    let metrics: RequestMetrics
    let token: String?

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: scrape)
    }

    func scrape(req: Request) async throws -> Response {
        guard let token, req.headers.bearerAuthorization?.token == token else { throw HavenError.notFound("Page") }
        var extra = ["# TYPE haven_import_jobs gauge"]
        for phase in [ImportJob.Phase.checking, .checked, .importing, .imported, .failed] {
            extra.append("haven_import_jobs{phase=\"\(phase.rawValue)\"} \(try await ImportJob.query(on: req.db).filter(\.$phase == phase).count())")
        }
        let response = Response(status: .ok, body: .init(string: await metrics.text(extra: extra)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return response
    }
}
