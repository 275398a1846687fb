import Fluent
import Foundation

/// Monitoring rounds from a spreadsheet: one row per round, a column per question (by indicator code).
/// Each row meets the same checks as the web form; the file is written whole or not at all.
enum RoundImport: Importer {
    static let fixed: [ImportField] = [
        ImportField(name: "site", headers: ["site code", "site_code", "code"], hashtag: "#loc+code", required: true),
        ImportField(
            name: "conductedOn", headers: ["conducted_on", "date", "round date"], hashtag: "#date", required: true),
        ImportField(name: "keyInformants", headers: ["key_informants", "key informants"], hashtag: "#meta+informants"),
    ]

    struct Row {
        var line: Int
        var site: Site
        var input: RoundInput
    }

    struct Plan: ImportPlan {
        var preview = ImportPreview()
        var rows: [Row] = []
    }

    /// The header row people fill in: the fixed columns, then every question of the catalogue.
    static func template(_ catalogue: [IndicatorBody]) -> String {
        CSV.line(
            ["site", "conducted_on", "key_informants"] + catalogue.filter { $0.valueType != .derived }.map(\.code))
            + "\r\n"
    }

    static func plan(_ table: Table, for user: UserContext?, on db: any Database, progress: ImportProgress?)
        async throws -> Plan
    {
        let user = try Imports.person(user)
        let today = CalendarDay.today()
        var plan = Plan()
        let catalogue = try await Catalogue.current(on: db).indicators
        let questions = catalogue.filter { $0.valueType != .derived }
        let columns = table.columns(
            for: fixed + questions.map { ImportField(name: $0.code, headers: [], hashtag: nil) })
        plan.preview.missingColumns = fixed.filter { $0.required && columns[$0.name] == nil }.map(\.name)
        let unknown = table.headers.enumerated().filter { index, _ in !columns.values.contains(index) }.map(\.element)
            .filter { !$0.isEmpty }
        plan.preview.missingColumns += unknown.map {
            "'\($0)' is not a question of the catalogue (download the template)"
        }
        guard plan.preview.missingColumns.isEmpty else { return plan }
        let sites = Dictionary(
            try await Site.query(on: db).live().all().map { ($0.code, $0) },
            uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        for row in table.rows {
            plan.preview.rows += 1
            let values = columns.mapValues { $0 < row.cells.count ? row.cells[$0].trimmed : "" }
            let header: (String) -> String = { name in columns[name].map { table.headers[$0] } ?? name }
            var errors: [FieldError] = []
            let site = values["site"].nonEmpty.flatMap { sites[$0] }
            if site == nil {
                errors.append(FieldError("site", "'\(values["site"] ?? "")' is not the code of a site in Haven"))
            }
            if let site, !Permission.recordMonitoring(site.scope).isGranted(to: user) {
                errors.append(
                    FieldError("site", "your role (\(user.role.label)) may not record rounds for \(site.code)"))
            }
            do {
                let input = try RoundForm.input(from: values, catalogue: catalogue)
                errors += RoundScoring.validate(input.values, catalogue: catalogue).map {
                    FieldError(String($0.field.dropFirst(7)), $0.message)
                }
                if input.conductedOn > today {
                    errors.append(FieldError("conductedOn", "\(input.conductedOn) is in the future"))
                }
                let key = "\(values["site"] ?? "") \(input.conductedOn)"
                if let first = seen[key] {
                    errors.append(FieldError("conductedOn", "the same site and day are on row \(first)"))
                }
                seen[key] = seen[key] ?? row.line
                if let site, errors.isEmpty { plan.rows.append(Row(line: row.line, site: site, input: input)) }
            } catch HavenError.invalid(let fieldErrors) {
                errors += fieldErrors
            }
            plan.preview.errors += errors.map {
                RowError(line: row.line, column: header($0.field), message: $0.message)
            }
        }
        for row in try await alreadyRecorded(plan.rows, on: db) {
            plan.preview.errors.append(
                RowError(
                    line: row.line, column: header(of: "conductedOn", table, columns),
                    message: "\(row.site.code) already has a round on \(row.input.conductedOn)"))
        }
        plan.preview.creates = plan.rows.count
        return plan
    }

    private static func header(of field: String, _ table: Table, _ columns: [String: Int]) -> String {
        columns[field].map { table.headers[$0] } ?? field
    }

    /// Rows whose site already has a round on that day.
    private static func alreadyRecorded(_ rows: [Row], on db: any Database) async throws -> [Row] {
        let siteIDs = Array(Set(rows.compactMap(\.site.id)))
        guard !siteIDs.isEmpty else { return [] }
        let taken = Set(
            try await MonitoringRound.query(on: db).filter(\.$site.$id ~~ siteIDs).live().all()
                .map { "\($0.$site.id) \($0.conductedOn)" })
        return rows.filter { taken.contains("\($0.site.id!) \($0.input.conductedOn)") }
    }

    /// Records every round in one transaction: a row that the database refuses (a round already on that
    /// day) stops the whole file, and its row is named.
    static func commit(
        _ plan: Plan, for user: UserContext?, by actor: Actor, on db: any Database, progress: ImportProgress?
    ) async throws {
        guard plan.preview.canCommit else { throw HavenError.badRequest("The file has errors; nothing was imported.") }
        try await db.write { tx in
            let catalogue = try await Catalogue.current(on: tx)
            for row in plan.rows {
                do {
                    _ = try await RoundRegister.record(
                        row.input, for: RoundSite(row.site), catalogue: catalogue, source: .upload,
                        by: actor, on: tx)
                } catch HavenError.invalid(let errors) {
                    throw HavenError.invalid(
                        errors.map { FieldError("row \(row.line) (\(row.site.code))", "\($0.field) \($0.message)") })
                }
            }
        }
    }
}

extension RoundImport {
    static let kind = ImportKind.rounds
    static let page = ImportPage(
        title: "Import monitoring rounds", path: Paths.importRounds, permission: .uploadRounds,
        help:
            "One row per round: site (its code), conducted_on (yyyy-mm-dd), key_informants (roles separated by ;), then one column per question, headed by its indicator code. Download the template for the current catalogue. Leave a cell empty when the question was not asked; ratios are computed by Haven.",
        result: Paths.monitoring,
        template: (Paths.roundTemplate, "Download the template for the current catalogue"))
}

extension ImportKind {
    static let rounds = ImportKind(rawValue: "rounds")
}
