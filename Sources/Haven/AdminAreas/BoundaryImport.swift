import Fluent
import Foundation

/// Outlines of administrative areas from a GeoJSON of boundaries (as COD-AB publishes them), matched
/// to the gazetteer by P-code. All or nothing: one feature that matches no area stops the file.
enum BoundaryImport {
    struct Plan {
        var outlines: [(area: AdminArea, outline: Outline)] = []
        var problems: [String] = []
    }

    struct Outcome: Equatable {
        var added = 0, updated = 0, unchanged = 0
    }

    /// The feature's P-code: the most detailed level's, since COD-AB features carry their parents' codes too.
    static func pcode(_ properties: [String: String]) -> String? {
        let byKey = Dictionary(properties.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        let keys = (0...5).reversed().map { "adm\($0)_pcode" } + ["pcode", "admin_pcode"]
        return keys.lazy.compactMap { byKey[$0]?.trimmed.uppercased() }.first { !$0.isEmpty }
    }

    static func plan(_ data: Data, on db: any Database) async throws -> Plan {
        let file = try GeoJSONFeatures.read(data)
        let areas = Dictionary(
            try await AdminArea.query(on: db).live().all().map { ($0.pcode, $0) },
            uniquingKeysWith: { a, _ in a })
        var plan = Plan()
        var rings: [String: [[Outline.Point]]] = [:]
        var order: [String] = []
        for (index, feature) in file.features.enumerated() {
            let properties = (feature.properties ?? [:]).compactMapValues(\.text)
            guard let code = pcode(properties) else {
                plan.problems.append("Feature \(index + 1): no P-code property (adm1_pcode … adm5_pcode or pcode)")
                continue
            }
            guard areas[code] != nil else {
                plan.problems.append(
                    "Feature \(index + 1): \(code) is not an area of the gazetteer (import the areas first)")
                continue
            }
            guard let polygon = feature.geometry?.rings, !polygon.isEmpty else {
                plan.problems.append("Feature \(index + 1) (\(code)): the geometry is not a Polygon or MultiPolygon")
                continue
            }
            if rings[code] == nil { order.append(code) }
            rings[code, default: []] += polygon  // a boundary split over several features is one outline
        }
        if file.features.isEmpty { plan.problems.append("The file has no features.") }
        plan.outlines = order.map { (areas[$0]!, Outline(rings: rings[$0]!).simplified()) }
        return plan
    }

    static func commit(_ plan: Plan, by actor: Actor, on db: any Database) async throws -> Outcome {
        guard plan.problems.isEmpty else { throw HavenError.badRequest("The file has problems; nothing was imported.") }
        return try await db.write { tx in
            let areaIDs = try plan.outlines.map { try $0.area.requireID() }
            let existing = Dictionary(
                try await AreaBoundary.query(on: tx).filter(\.$area.$id ~~ areaIDs).all().map { ($0.$area.id, $0) },
                uniquingKeysWith: { a, _ in a })
            var outcome = Outcome()
            for (area, outline) in plan.outlines {
                if let boundary = existing[try area.requireID()] {
                    let before = boundary.auditFields
                    try boundary.set(outline)
                    boundary.archivedAt = nil
                    if try await Audit.update(boundary, before: before, by: actor, on: tx) {
                        outcome.updated += 1
                    } else {
                        outcome.unchanged += 1
                    }
                } else {
                    try await Audit.create(
                        try AreaBoundary(areaID: area.requireID(), pcode: area.pcode, outline: outline), by: actor,
                        on: tx)
                    outcome.added += 1
                }
            }
            return outcome
        }
    }
}
