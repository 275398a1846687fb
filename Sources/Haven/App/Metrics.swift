import Fluent
import Foundation
import Vapor

/// What an operator watches, in Prometheus's text format at `/metrics`: requests and their latency per
/// route, the sizes of the round writer's group commits, the database connections, and the import jobs
/// by phase. Counts are per instance, as Prometheus expects (it adds instances up). Served only when
/// `HAVEN_METRICS_TOKEN` is set, to a scraper that sends it as a bearer token.
actor Metrics {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    static let batchBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500]

    private struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private var requests: [Key: Int] = [:]
    private var durations: [String: (buckets: [Int], sum: Double, count: Int)] = [:]
    private var batches = (buckets: Array(repeating: 0, count: Metrics.batchBuckets.count), sum: 0, count: 0)

    func record(method: String, route: String, status: Int, seconds: Double) {
        requests[Key(method: method, route: route, status: status), default: 0] += 1
        var entry = durations[route] ?? (Array(repeating: 0, count: Self.buckets.count), 0, 0)
        for (index, bound) in Self.buckets.enumerated() where seconds <= bound { entry.buckets[index] += 1 }
        entry.sum += seconds
        entry.count += 1
        durations[route] = entry
    }

    /// One group commit of the round writer, of `size` rounds.
    func recordRoundBatch(size: Int) {
        for (index, bound) in Self.batchBuckets.enumerated() where size <= bound { batches.buckets[index] += 1 }
        batches.sum += size
        batches.count += 1
    }

    /// The exposition, with `extra` lines (gauges read at scrape time) appended.
    func text(extra: [String]) -> String {
        var lines = ["# TYPE haven_http_requests_total counter"]
        for (key, count) in requests.sorted(by: {
            ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status)
        }) {
            lines.append(
                "haven_http_requests_total{method=\"\(key.method)\",route=\"\(key.route)\",status=\"\(key.status)\"} \(count)"
            )
        }
        lines.append("# TYPE haven_http_request_duration_seconds histogram")
        for (route, entry) in durations.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Self.buckets.enumerated() {
                lines.append(
                    "haven_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(entry.buckets[index])"
                )
            }
            lines.append("haven_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(entry.count)")
            lines.append("haven_http_request_duration_seconds_sum{route=\"\(route)\"} \(entry.sum)")
            lines.append("haven_http_request_duration_seconds_count{route=\"\(route)\"} \(entry.count)")
        }
        lines.append("# TYPE haven_round_batch_size histogram")
        for (index, bound) in Self.batchBuckets.enumerated() {
            lines.append("haven_round_batch_size_bucket{le=\"\(bound)\"} \(batches.buckets[index])")
        }
        lines.append("haven_round_batch_size_bucket{le=\"+Inf\"} \(batches.count)")
        lines.append("haven_round_batch_size_sum \(batches.sum)")
        lines.append("haven_round_batch_size_count \(batches.count)")
        return (lines + extra).joined(separator: "\n") + "\n"
    }
}

/// Times every request under the route that answered it (its pattern, never the ids or codes in the path).
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: Metrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - started
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        await metrics.record(
            method: request.method.rawValue, route: route, status: Int(response.status.code),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return response
    }
}

struct MetricsRoutes: RouteCollection {
    let metrics: Metrics
    let token: String?

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: scrape)
    }

    func scrape(req: Request) async throws -> Response {
        guard let token, req.headers.bearerAuthorization?.token == token else { throw HavenError.notFound("Page") }
        var extra = ["# TYPE haven_import_jobs gauge"]
        for phase in [ImportJob.Phase.checking, .checked, .importing, .imported, .failed] {
            extra.append(
                "haven_import_jobs{phase=\"\(phase.rawValue)\"} \(try await ImportJob.query(on: req.db).filter(\.$phase == phase).count())"
            )
        }
        extra += try await connections(req)
        let response = Response(status: .ok, body: .init(string: await metrics.text(extra: extra)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return response
    }

    /// The most connections this instance's pool opens, and on PostgreSQL the connections to this database
    /// by state as the server sees them (every instance's, and any other client's).
    private func connections(_ req: Request) async throws -> [String] {
        var lines = [
            "# TYPE haven_database_pool_max gauge",
            "haven_database_pool_max \(req.application.havenSettings.poolSize(loops: Array(req.application.eventLoopGroup.makeIterator()).count))",
        ]
        guard !req.db.isSQLite else { return lines }
        struct Row: Decodable {
            var state: String
            var n: Int
        }
        let rows = try await req.db.sql.raw(
            """
            SELECT COALESCE(state, 'unknown') AS state, COUNT(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() GROUP BY 1 ORDER BY 1
            """
        ).all(decoding: Row.self)
        lines.append("# TYPE haven_database_connections gauge")
        lines += rows.map { "haven_database_connections{state=\"\($0.state)\"} \($0.n)" }
        return lines
    }
}
