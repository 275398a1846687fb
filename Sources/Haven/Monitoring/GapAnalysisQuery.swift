import Fluent
import SQLKit
import Vapor

/// Reads the latest round of every site that matches the area and type filters.
struct GapAnalysisQuery {
    var filter: GapAnalysis.Filter
    var sites: SiteFilter

    init(_ req: Request) throws {
        var errors: [FieldError] = []
        filter = GapAnalysis.Filter(sector: (req.query["sector"] as String?).nonEmpty)
        if let raw = (req.query["minSeverity"] as String?).nonEmpty {
            filter.minimumSeverity = Int(raw).flatMap(Severity.init(rawValue:))
            if filter.minimumSeverity == nil {
                errors.append(FieldError("minSeverity", "must be a severity from 1 to 5"))
            }
        }
        sites = try SiteFilter(req)
        try HavenError.check(errors)
    }

    /// One joined query into plain rows: at 5,000 sites, decoding full models would cost most of the time.
    func sites(on db: any Database) async throws -> (GapAnalysis.Filter, [GapAnalysis.SiteScore]) {
        struct Row: Decodable {
            var siteID: UUID, code: String, name: String, type: String, pcode: String
            var current: Int?, population: Int?, conductedOn: String, overall: Int?, sectors: String
            var latitude: Double?, longitude: Double?, previous: Int?
        }
        var query: SQLQueryString = """
            SELECT s.id AS "siteID", s.code AS code, s.name AS name, s.type AS type, a.pcode AS pcode,
                   s.population_individuals AS current, r.population AS population, r.conducted_on AS "conductedOn",
                   r.overall_severity AS overall, r.sector_severities AS sectors, s.latitude AS latitude, s.longitude AS longitude,
                   (SELECT p.overall_severity FROM monitoring_rounds p WHERE p.site_id = r.site_id AND p.archived_at IS NULL
                    AND p.conducted_on < r.conducted_on ORDER BY p.conducted_on DESC LIMIT 1) AS previous
            FROM monitoring_rounds r JOIN sites s ON s.id = r.site_id JOIN admin_areas a ON a.id = s.admin_area_id
            WHERE r.latest AND r.archived_at IS NULL
            """
        query = query + " AND \(try await sites.conditions(site: "s", on: db))"
        // Nobody lives in a closed site any more, so it has no gaps unless someone asks for closed sites.
        if sites.status == nil { query = query + " AND s.status <> \(bind: SiteStatus.closed.rawValue)" }
        let rows = try await db.sql.raw(query).all(decoding: Row.self)
        let scores = rows.compactMap { row -> GapAnalysis.SiteScore? in
            guard let type = SiteType(rawValue: row.type) else { return nil }
            return GapAnalysis.SiteScore(
                siteID: row.siteID, code: row.code, name: row.name, type: type, areaPcode: row.pcode,
                population: row.current ?? row.population ?? 0, conductedOn: row.conductedOn,
                sectors: SectorSeverities.decode(row.sectors),
                overall: row.overall.flatMap(Severity.init(rawValue:)),
                previous: row.previous.flatMap(Severity.init(rawValue:)), unmet: [],
                coordinates: row.latitude.flatMap { lat in
                    row.longitude.map { GapAnalysis.Coordinates(latitude: lat, longitude: $0) }
                })
        }
        return (filter, scores)
    }

    /// The unmet standards of a page of sites, read only for those.
    static func unmet(for siteIDs: [UUID], on db: any Database) async throws -> [UUID: [UnmetStandard]] {
        guard !siteIDs.isEmpty else { return [:] }
        let rounds = try await MonitoringRound.query(on: db).filter(\.$latest == true).filter(\.$site.$id ~~ siteIDs)
            .all()
        return Dictionary(rounds.map { ($0.$site.id, $0.scores.unmet) }, uniquingKeysWith: { a, _ in a })
    }
}
