import Fluent
import Vapor

/// Checks an area against the gazetteer rules and the areas already known, then applies it.
enum Gazetteer {
    static func apply(_ body: AdminAreaBody, to area: AdminArea, on db: any Database) async throws {
        let pcode = body.pcode.trimmed.uppercased()
        let parent = try await body.parentId.asyncMap { try await AdminArea.find($0, on: db) } ?? nil
        var errors = AdminAreaRules.validate(
            pcode: pcode, name: body.name, level: body.level,
            parent: parent.map { ($0.pcode, $0.level) })
        if body.parentId != nil && parent == nil { errors.append(FieldError("parentId", "is not a known area")) }
        if let other = try await AdminArea.query(on: db).filter(\.$pcode == pcode).first(), other.id != area.id {
            errors.append(FieldError("pcode", "\(pcode) is already used by \(other.name)"))
        }
        try HavenError.check(errors)
        area.pcode = pcode
        area.name = body.name.trimmed
        area.level = body.level
        area.$parent.id = parent?.id
    }
}
