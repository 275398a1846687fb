import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/exports/sites.geojson`: every site with coordinates that is not archived, as a GeoJSON point
/// with its status, current population and latest severity, streamed for maps (QGIS, HDX, the cluster's web map).
enum SiteGeoJSON {
    struct Properties: Encodable {
        var code: String, name: String, type: String, status: String, adminArea: String
        var managementAgency: String?
        var population: Int?, households: Int?, populationDate: String?
        var severity: Int?, severityDate: String?
    }

    struct Feature: Encodable {
        var type = "Feature"
        var geometry: Point
        var properties: Properties
    }

    struct Point: Encodable {
        var type = "Point"
        /// Longitude first, as GeoJSON orders them.
        var coordinates: [Double]
    }

    private struct Row: Decodable {
        var code: String, name: String, type: String, status: String, pcode: String, agency: String?
        var latitude: Double, longitude: Double
        var population: Int?, households: Int?, counted: String?, severity: Int?, assessed: String?
    }

    static let batchSize = 1000

    static func response(on db: any Database) -> Response {
        let response = Response(
            status: .ok,
            body: .init(managedAsyncStream: { writer in
                let encoder = JSONEncoder.sorted
                var last = ""
                var first = true
                try await writer.writeBuffer(ByteBuffer(string: "{\"type\":\"FeatureCollection\",\"features\":["))
                while true {
                    let rows = try await db.sql.raw(
                        """
                        SELECT s.code AS code, s.name AS name, s.type AS type, s.status AS status, a.pcode AS pcode, o.name AS agency,
                               s.latitude AS latitude, s.longitude AS longitude, s.population_individuals AS population,
                               s.population_households AS households, s.population_counted_on AS counted,
                               r.overall_severity AS severity, r.conducted_on AS assessed
                        FROM sites s JOIN admin_areas a ON a.id = s.admin_area_id
                        LEFT JOIN organisations o ON o.id = s.management_agency_id
                        LEFT JOIN monitoring_rounds r ON r.site_id = s.id AND r.latest AND r.archived_at IS NULL
                        WHERE s.archived_at IS NULL AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL AND s.code > \(bind: last)
                        ORDER BY s.code LIMIT \(unsafeRaw: String(batchSize))
                        """
                    ).all(decoding: Row.self)
                    var text = ""
                    for row in rows {
                        let feature = Feature(
                            geometry: Point(coordinates: [row.longitude, row.latitude]),
                            properties: Properties(
                                code: row.code, name: row.name, type: row.type, status: row.status,
                                adminArea: row.pcode, managementAgency: row.agency,
                                population: row.population, households: row.households, populationDate: row.counted,
                                severity: row.severity, severityDate: row.assessed))
                        text += (first ? "" : ",") + String(decoding: try encoder.encode(feature), as: UTF8.self)
                        first = false
                    }
                    if !text.isEmpty { try await writer.writeBuffer(ByteBuffer(string: text)) }
                    guard rows.count == batchSize, let next = rows.last?.code else { break }
                    last = next
                }
                try await writer.writeBuffer(ByteBuffer(string: "]}"))
            }))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "geo+json")
        response.headers.contentDisposition = .init(.attachment, filename: "haven-sites-\(CalendarDay.today()).geojson")
        return response
    }
}
