import Fluent
import Vapor

/// An indicator as the API reads and writes it. Code, type and formula are fixed once created;
/// coordinators adapt wording, sector, standards and bands to their operation.
struct IndicatorBody: Content {
    var id: UUID?
    var code: String
    var sector: String
    var label: String
    var unit: String
    var valueType: IndicatorValueType
    var derived: DerivedIndicator?
    var standard: SeverityBands?
    var options: [IndicatorOption]?
    var source: String?
    var archived: Bool?

    init(
        id: UUID? = nil, code: String, sector: String, label: String, unit: String, valueType: IndicatorValueType,
        derived: DerivedIndicator? = nil, standard: SeverityBands? = nil, options: [IndicatorOption]? = nil,
        source: String? = nil
    ) {
        (self.id, self.code, self.sector, self.label, self.unit, self.valueType) = (
            id, code, sector, label, unit, valueType
        )
        (self.derived, self.standard, self.options, self.source) = (derived, standard, options, source)
    }

    init(_ indicator: Indicator) {
        id = indicator.id
        code = indicator.code
        sector = indicator.sector
        label = indicator.label
        unit = indicator.unit
        valueType = indicator.valueType
        derived = indicator.derived.flatMap(DerivedIndicator.init)
        standard = indicator.bands
        options = indicator.options
        source = indicator.source
        archived = indicator.archivedAt != nil
    }
}

/// The rules an edited indicator must meet before the catalogue accepts it.
enum IndicatorRules {
    static func validate(_ body: IndicatorBody) -> [FieldError] {
        var errors: [FieldError] = []
        if body.label.trimmed.isEmpty { errors.append(FieldError("label", "is required")) }
        errors += TextRules.problems([
            ("code", body.code, .code), ("label", body.label.trimmed, .line), ("unit", body.unit, .code),
            ("source", body.source, .line),
        ])
        if body.sector.trimmed.isEmpty { errors.append(FieldError("sector", "is required")) }
        if let problem = body.standard?.problem { errors.append(FieldError("standard", problem)) }
        if body.standard != nil && !body.valueType.isNumeric {
            errors.append(
                FieldError("standard", "only numeric indicators are banded; score answers through their options"))
        }
        let options = body.options ?? []
        if [.yesNo, .adequacy, .choice].contains(body.valueType) {
            if options.isEmpty {
                errors.append(
                    FieldError("options", "a \(body.valueType.label.lowercased()) indicator needs its answers"))
            }
            if Set(options.map(\.value)).count != options.count {
                errors.append(FieldError("options", "each answer may appear once"))
            }
        } else if !options.isEmpty {
            errors.append(FieldError("options", "only yes/no, adequacy and choice indicators have answers"))
        }
        return errors
    }
}

/// `/api/v1/indicators`: the monitoring catalogue.
struct IndicatorAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let indicators = routes.grouped("indicators")
        indicators.get(use: list)
        indicators.get(":id", use: show)
        indicators.put(":id", use: update)
    }

    func list(req: Request) async throws -> Page<IndicatorBody> {
        try req.authorize(.readOperationalData)
        let page = try PageRequest(req)
        let query = Indicator.query(on: req.db).live()
        if let sector = (req.query["sector"] as String?).nonEmpty { query.filter(\.$sector == sector) }
        let (indicators, total) = try await query.sort(\.$position).fetchPage(page)
        return Page(items: indicators.map(IndicatorBody.init), total: total, request: page)
    }

    func show(req: Request) async throws -> IndicatorBody {
        try req.authorize(.readOperationalData)
        return IndicatorBody(try await req.find(Indicator.self, named: "Indicator"))
    }

    func update(req: Request) async throws -> IndicatorBody {
        let user = try req.authorize(.editCatalogue)
        let indicator = try await req.find(Indicator.self, named: "Indicator")
        try await CatalogueEditor.update(
            indicator, with: try req.content.decode(IndicatorBody.self), by: user.actor, on: req.db)
        return IndicatorBody(indicator)
    }
}

/// Changing an indicator, from the API or the browser: checked, audited, and published as a new catalogue version.
enum CatalogueEditor {
    static func update(_ indicator: Indicator, with body: IndicatorBody, by actor: Actor, on db: any Database)
        async throws
    {
        var errors = IndicatorRules.validate(body)
        if body.code != indicator.code { errors.append(FieldError("code", "cannot change: rounds refer to it")) }
        if body.valueType != indicator.valueType {
            errors.append(FieldError("valueType", "cannot change once rounds may use it"))
        }
        if body.derived?.rawValue != indicator.derived {
            errors.append(FieldError("derived", "cannot change: add a new indicator instead"))
        }
        try HavenError.check(errors)
        let before = indicator.auditFields
        indicator.sector = body.sector.trimmed
        indicator.label = body.label.trimmed
        indicator.unit = body.unit.trimmed
        indicator.bands = body.standard
        indicator.options = body.options ?? []
        indicator.source = body.source?.trimmed ?? indicator.source
        try await db.write { tx in
            if try await Audit.update(indicator, before: before, by: actor, on: tx) {
                try await Catalogue.publish(on: tx)
            }
        }
    }
}
