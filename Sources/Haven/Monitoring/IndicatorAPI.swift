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
