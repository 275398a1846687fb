import Fluent
import Foundation

/// Importing a gazetteer in the COD-AB table shape: one row per lowest area, with a code and name column per level.
enum AdminAreaImport: Importer {
    static let fields: [ImportField] = (0...4).flatMap { level -> [ImportField] in
        let codeTag = level == 0 ? "#country+code" : "#adm\(level)+code"
        let nameTag = level == 0 ? "#country+name" : "#adm\(level)+name"
        return [
            ImportField(
                name: "adm\(level)Code",
                headers: ["adm\(level)_pcode", "adm\(level)_code", "admin\(level)pcode", "adm\(level) pcode"],
                hashtag: codeTag),
            ImportField(
                name: "adm\(level)Name",
                headers: ["adm\(level)_en", "adm\(level)_name", "admin\(level)name_en", "adm\(level) name"],
                hashtag: nameTag),
        ]
    }

    struct Entry: Equatable {
        var pcode: String
        var name: String
        var level: Int
        var parentPcode: String?
    }

    struct Plan: ImportPlan {
        var preview = ImportPreview()
        /// In level order, so parents are written before their children.
        var entries: [Entry] = []
    }

    static func plan(_ table: Table, for user: UserContext?, on db: any Database, progress: ImportProgress?)
        async throws -> Plan
    {
        var plan = Plan()
        var columns = table.columns(for: fields)
        // Admin 0 also answers to #adm0 tags.
        if columns["adm0Code"] == nil, let tags = table.hashtags,
            let i = tags.firstIndex(where: { $0.hasPrefix("#adm0+code") })
        {
            columns["adm0Code"] = i
        }
        if columns["adm0Name"] == nil, let tags = table.hashtags,
            let i = tags.firstIndex(where: { $0.hasPrefix("#adm0+name") })
        {
            columns["adm0Name"] = i
        }
        let levels = (0...4).filter { columns["adm\($0)Code"] != nil }
        guard !levels.isEmpty else {
            plan.preview.missingColumns = ["a P-code column per level (adm1_pcode, adm2_pcode … or #adm1+code …)"]
            return plan
        }
        let existing = Dictionary(
            try await AdminArea.query(on: db).all().map { ($0.pcode, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [String: (entry: Entry, line: Int)] = [:]
        for row in table.rows {
            plan.preview.rows += 1
            var parent: (pcode: String, level: Int)? = nil
            for level in levels {
                let cell: (String) -> String = { name in
                    columns[name].flatMap { $0 < row.cells.count ? row.cells[$0].trimmed : nil } ?? ""
                }
                let pcode = cell("adm\(level)Code").uppercased()
                let header = table.headers[columns["adm\(level)Code"]!]
                guard !pcode.isEmpty else {
                    plan.preview.errors.append(RowError(line: row.line, column: header, message: "is empty"))
                    break
                }
                let name = cell("adm\(level)Name").isEmpty ? pcode : cell("adm\(level)Name")
                let errors = AdminAreaRules.validate(pcode: pcode, name: name, level: level, parent: parent)
                    .filter { $0.field != "parent" || parent != nil }
                if let error = errors.first {
                    plan.preview.errors.append(
                        RowError(line: row.line, column: header, message: "\(error.field) \(error.message)"))
                    break
                }
                let entry = Entry(pcode: pcode, name: name, level: level, parentPcode: parent?.pcode)
                if let earlier = found[pcode], earlier.entry != entry {
                    plan.preview.errors.append(
                        RowError(
                            line: row.line, column: header,
                            message: "\(pcode) is '\(name)' here but '\(earlier.entry.name)' on row \(earlier.line)"))
                    break
                }
                found[pcode] = found[pcode] ?? (entry, row.line)
                parent = (pcode, level)
            }
        }
        plan.entries = found.values.map(\.entry).sorted { ($0.level, $0.pcode) < ($1.level, $1.pcode) }
        for entry in plan.entries {
            if let known = existing[entry.pcode] {
                if known.name == entry.name && known.level == entry.level {
                    plan.preview.unchanged += 1
                } else {
                    plan.preview.updates += 1
                }
            } else {
                plan.preview.creates += 1
            }
        }
        return plan
    }

    static func commit(
        _ plan: Plan, for user: UserContext?, by actor: Actor, on db: any Database, progress: ImportProgress?
    ) async throws {
        guard plan.preview.canCommit else { throw HavenError.badRequest("The file has errors; nothing was imported.") }
        try await db.write { tx in
            var ids = Dictionary(
                try await AdminArea.query(on: tx).all().map { ($0.pcode, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in plan.entries {
                let parentID = entry.parentPcode.flatMap { ids[$0]?.id }
                if let area = ids[entry.pcode] {
                    let before = area.auditFields
                    area.name = entry.name
                    area.level = entry.level
                    if entry.parentPcode != nil { area.$parent.id = parentID }
                    try await Audit.update(area, before: before, by: actor, on: tx)
                } else {
                    let area = AdminArea(pcode: entry.pcode, name: entry.name, level: entry.level, parentID: parentID)
                    try await Audit.create(area, by: actor, on: tx)
                    ids[entry.pcode] = area
                }
            }
        }
    }
}

extension AdminAreaImport {
    static let kind = ImportKind.adminAreas
    static let page = ImportPage(
        title: "Import administrative areas", path: Paths.importAdminAreas, permission: .editGazetteer,
        help:
            "The COD-AB table shape: one row per lowest area with a P-code and name column per level (adm0_pcode, adm0_en, adm1_pcode, adm1_en … or #adm1+code, #adm1+name …). Each child's P-code must start with its parent's.",
        result: Paths.adminAreas)
}

extension ImportKind {
    static let adminAreas = ImportKind(rawValue: "admin_areas")
}
