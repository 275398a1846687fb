import Fluent
import Vapor

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
