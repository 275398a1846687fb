import Fluent
import Foundation

/// Importing partners' 5W spreadsheets: lines are matched to those already reported by their natural
/// key (who, what, where, which month, how), so sending the same file again changes nothing.
enum ActivityImport: Importer {
    static let people: [ImportField] = ["targeted", "reached"].flatMap { measure in
        Sex.allCases.flatMap { sex in
            AgeBracket.allCases.map { bracket in
                ImportField(
                    name: "\(measure).\(PopulationFigures.cellField(sex, bracket))",
                    headers: ["\(measure)_\(sex.rawValue)_\(bracket.rawValue)"],
                    hashtag: nil)
            }
        }
    }

    static let fields: [ImportField] =
        [
            ImportField(
                name: "reportingOrganisation",
                headers: ["reporting organisation", "reporting_org", "organisation", "org"],
                hashtag: "#org+name", required: true),
            ImportField(
                name: "implementingOrganisation",
                headers: ["implementing partner", "implementing_organisation", "implementing_org"],
                hashtag: "#org+impl"),
            ImportField(name: "donor", headers: ["donor", "funder"], hashtag: "#org+funder"),
            ImportField(
                name: "activity", headers: ["activity code", "activity_code"], hashtag: "#activity+code", required: true
            ),
            ImportField(name: "site", headers: ["site code", "site_code"], hashtag: "#loc+code"),
            // Lines without a site: the lowest adm1…adm4 P-code, or one column of older files.
            ImportField(name: "adminArea", headers: ["admin_pcode", "pcode", "admin area"], hashtag: "#adm+code"),
            ImportField(name: "status", headers: ["activity status"], hashtag: "#status", required: true),
            ImportField(
                name: "startOn", headers: ["start_date", "start date", "start"], hashtag: "#date+start", required: true),
            ImportField(name: "endOn", headers: ["end_date", "end date", "end"], hashtag: "#date+end"),
            ImportField(
                name: "month", headers: ["reporting month", "reporting_month"], hashtag: "#date+reported",
                required: true),
            ImportField(name: "modality", headers: ["delivery modality"], hashtag: "#modality"),
            ImportField(
                name: "targeted.total", headers: ["targeted", "people targeted", "targeted_total"],
                hashtag: "#targeted+ind"),
            ImportField(
                name: "reached.total", headers: ["reached", "people reached", "reached_total"], hashtag: "#reached+ind"),
            ImportField(
                name: "householdsTargeted", headers: ["households targeted", "households_targeted"],
                hashtag: "#targeted+hh"),
            ImportField(
                name: "householdsReached", headers: ["households reached", "households_reached"], hashtag: "#reached+hh"
            ),
            ImportField(name: "comment", headers: ["comments", "remarks"], hashtag: "#description"),
        ] + AreaColumns.fields + people

    struct Plan: ImportPlan {
        var preview = ImportPreview()
        var creates: [Activity] = []
        var updates: [(activity: Activity, before: [String: String])] = []
    }

    /// A row read and checked: what was sent, what it refers to, and its natural key.
    private typealias Line = (input: ActivityInput, resolved: ActivityReferences.Resolved, key: String)

    /// What the rows refer to, read once for the whole file.
    private struct Lookups {
        var refs: ActivityReferences
        var organisations: [String: UUID]
        var sites: [String: UUID]
    }

    static func plan(_ table: Table, for user: UserContext?, on db: any Database, progress: ImportProgress?)
        async throws -> Plan
    {
        let user = try Imports.person(user)
        let today = CalendarDay.today()
        var plan = Plan()
        let columns = table.columns(for: fields)
        plan.preview.missingColumns = fields.filter { $0.required && columns[$0.name] == nil }.map(\.name)
        if columns["site"] == nil && columns["adminArea"] == nil && !AreaColumns.found(in: columns) {
            plan.preview.missingColumns.append("site code or admin area P-code")
        }
        guard plan.preview.missingColumns.isEmpty else { return plan }
        let lookups = Lookups(
            refs: try await ActivityReferences.load(siteIDs: nil, pcodes: nil, on: db),
            organisations: try await Organisation.byName(on: db),
            sites: Dictionary(
                try await Site.query(on: db).live().field(\.$id).field(\.$codeKey).all().map {
                    ($0.codeKey, $0.id!)
                },
                uniquingKeysWith: { a, _ in a }))
        var seen: [String: Int] = [:]
        var lines: [Line] = []
        for row in table.rows {
            plan.preview.rows += 1
            if plan.preview.rows % 2000 == 0 { await progress?(plan.preview.rows, table.rows.count) }
            let values = columns.mapValues { $0 < row.cells.count ? row.cells[$0].trimmed : "" }
            let header: (String) -> String = { name in columns[name].map { table.headers[$0] } ?? name }
            let (line, errors, warnings) = read(
                values, user: user, lookups: lookups, today: today, seen: &seen, row: row.line)
            plan.preview.errors += errors.map {
                RowError(line: row.line, column: header($0.field), message: $0.message)
            }
            plan.preview.warnings += warnings.map {
                RowError(line: row.line, column: header($0.field), message: $0.message)
            }
            if let line { lines.append(line) }
        }
        let existing = try await alreadyReported(Set(lines.map(\.key)), months: Set(lines.map(\.input.month)), on: db)
        for (input, resolved, key) in lines {
            if let existing = existing[key] {
                let before = existing.auditFields
                ActivityRegister.apply(input, resolved, to: existing)
                if existing.auditFields == before {
                    plan.preview.unchanged += 1
                } else {
                    plan.preview.updates += 1
                    plan.updates.append((existing, before))
                }
            } else {
                let created = Activity()
                ActivityRegister.apply(input, resolved, to: created)
                plan.preview.creates += 1
                plan.creates.append(created)
            }
        }
        return plan
    }

    /// The lines already reported under the file's keys. Keys are read as plain rows first, so that only the lines
    /// the file touches are read whole: a file of new lines reads none.
    private static func alreadyReported(_ keys: Set<String>, months: Set<ReportingMonth>, on db: any Database)
        async throws -> [String: Activity]
    {
        guard !months.isEmpty else { return [:] }
        struct Row: Decodable {
            var id: UUID
            var key: String
        }
        let rows = try await db.sql.raw(
            """
            SELECT id, natural_key AS key FROM \(ident: Activity.schema) WHERE archived_at IS NULL AND month IN (\(binds: months.map(\.description)))
            """
        ).all(decoding: Row.self)
        let ids = rows.filter { keys.contains($0.key) }.map(\.id)
        var found: [String: Activity] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            for line in try await Activity.query(on: db).filter(
                \.$id ~~ Array(ids[start..<min(start + 500, ids.count)])
            ).all() {
                found[line.naturalKey] = line
            }
        }
        return found
    }

    /// One row as a line ready to write, or why it cannot be.
    private static func read(
        _ values: [String: String], user: UserContext, lookups: Lookups, today: CalendarDay,
        seen: inout [String: Int], row: Int
    ) -> (Line?, [FieldError], [FieldError]) {
        var reader = FieldReader(values: values)
        var errors: [FieldError] = []
        func organisation(_ field: String) -> UUID? {
            guard let name = values[field].nonEmpty else { return nil }
            if let id = lookups.organisations[name.lowercased()] { return id }
            errors.append(FieldError(field, "'\(name)' is not a known organisation name or acronym"))
            return nil
        }
        let reporting = organisation("reportingOrganisation")
        let implementing = organisation("implementingOrganisation")
        let donor = organisation("donor")
        if values["reportingOrganisation"].nonEmpty == nil {
            errors.append(FieldError("reportingOrganisation", "is empty"))
        }
        var siteID: UUID?
        if let code = values["site"].nonEmpty {
            siteID = lookups.sites[Site.key(code)]
            if siteID == nil { errors.append(FieldError("site", "'\(code)' is not the code of a site in Haven")) }
        }
        let status = values["status"].nonEmpty.flatMap(ActivityStatus.init(reported:))
        if status == nil {
            errors.append(
                FieldError(
                    "status",
                    "'\(values["status"] ?? "")' is not one of planned, ongoing (active), completed, cancelled"))
        }
        let modality = values["modality"].nonEmpty.map { Modality(loose: $0) } ?? .service
        if modality == nil {
            errors.append(FieldError("modality", "'\(values["modality"] ?? "")' is not one of in kind, cash, service"))
        }
        let month =
            values["month"].nonEmpty.flatMap(ReportingMonth.init)
            ?? values["month"].nonEmpty.flatMap(CalendarDay.init).map(ReportingMonth.init)
        if month == nil { errors.append(ReportingMonth.refusal("month", values["month"])) }
        let start = reader.day("startOn")
        let end = reader.day("endOn")
        if start == nil && values["startOn"].nonEmpty == nil { errors.append(FieldError("startOn", "is empty")) }
        func people(_ measure: String) -> People? {
            let cells = Sex.allCases.flatMap { sex in
                AgeBracket.allCases.map { reader.int("\(measure).\(PopulationFigures.cellField(sex, $0))") }
            }
            guard
                let total = reader.int("\(measure).total")
                    ?? (cells.contains(nil) ? nil : cells.compactMap { $0 }.reduce(0, +))
            else { return nil }
            return People(total: total, female: Array(cells[0..<5]), male: Array(cells[5..<10]))
        }
        let targeted = people("targeted")
        let reached = people("reached")
        let householdsTargeted = reader.int("householdsTargeted")
        let householdsReached = reader.int("householdsReached")
        errors += reader.errors
        guard let reporting, let status, let modality, let month, let start, errors.isEmpty else {
            return (nil, errors, [])
        }
        if !Permission.recordActivity(reporting).isGranted(to: user) {
            return (nil, [FieldError("reportingOrganisation", "you may import your own organisation's lines only")], [])
        }
        let input = ActivityInput(
            reportingOrganisationId: reporting, implementingOrganisationId: implementing, donorOrganisationId: donor,
            activity: values["activity"] ?? "", siteId: siteID,
            adminArea: siteID == nil ? AreaColumns.pcode(values, fallback: "adminArea") : nil,
            status: status, startOn: start, endOn: end, month: month, modality: modality, targeted: targeted,
            reached: reached,
            householdsTargeted: householdsTargeted, householdsReached: householdsReached, comment: values["comment"])
        let findings = ActivityRules.check(input, currentMonth: ReportingMonth(today))
        let (resolved, referenceErrors) = lookups.refs.resolve(input)
        let problems = (findings.errors + referenceErrors).map { FieldError(column(of: $0.field), $0.message) }
        guard let resolved, problems.isEmpty else { return (nil, problems, []) }
        let key = Activity.naturalKey(input, location: resolved.place.siteID ?? resolved.place.areaID)
        if let first = seen[key] {
            return (
                nil,
                [
                    FieldError(
                        "activity", "the same organisation, activity, place, month and modality are on row \(first)")
                ], []
            )
        }
        seen[key] = row
        return ((input, resolved, key), [], findings.warnings.map { FieldError(column(of: $0.field), $0.message) })
    }

    /// The import column a rule's field name stands for.
    private static func column(of field: String) -> String {
        [
            "reportingOrganisationId": "reportingOrganisation",
            "implementingOrganisationId": "implementingOrganisation",
            "donorOrganisationId": "donor", "siteId": "site",
        ][field] ?? field
    }

    /// Whether the lines the plan changes are still as the check read them. Each is locked until the import
    /// commits, so that a change someone else is saving at this moment is waited for and seen here, rather
    /// than overwritten with a stale "before" on the audit trail.
    static func stillAsChecked(_ plan: Plan, on db: any Database) async throws -> Bool {
        let expected = Dictionary(
            plan.updates.compactMap { update in update.activity.id.map { ($0, update.before) } },
            uniquingKeysWith: { a, _ in a })
        let ids = Array(expected.keys)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            try await db.lockRows(Activity.schema, ids: batch)
            let now = try await Activity.query(on: db).filter(\.$id ~~ batch).live().all()
            guard now.count == batch.count, now.allSatisfy({ expected[$0.id!] == $0.auditFields }) else { return false }
        }
        return true
    }

    /// Writes the whole plan or nothing: new lines in batches with their audit events, changed lines one by one.
    /// Progress counts the lines written, after the rows checked.
    static func commit(
        _ plan: Plan, for user: UserContext?, by actor: Actor, on db: any Database, progress: ImportProgress?
    ) async throws {
        guard plan.preview.canCommit else { throw HavenError.badRequest("The file has errors; nothing was imported.") }
        for line in plan.creates { line.id = UUID() }
        let total = plan.creates.count + plan.updates.count
        try await db.write { tx in
            for start in stride(from: 0, to: plan.creates.count, by: 5000) {
                let batch = Array(plan.creates[start..<min(start + 5000, plan.creates.count)])
                try await Activity.insert(batch, on: tx)
                try await AuditEvent.insert(batch.map { Audit.creation(of: $0, by: actor) }, on: tx)
                await progress?(start + batch.count, total)
            }
            for (index, (line, before)) in plan.updates.enumerated() {
                try await Audit.update(line, before: before, by: actor, on: tx)
                if index % 500 == 0 { await progress?(plan.creates.count + index, total) }
            }
        }
    }
}

extension ActivityImport {
    static let kind = ImportKind.activities
    static let page = ImportPage(
        title: "Import 5W activities", path: Paths.importActivities, permission: .uploadActivities,
        help:
            "One row per activity line: reporting organisation (#org+name, name or acronym), activity code (#activity+code), site code (#loc+code) or the admin area's P-code (the lowest of adm1_pcode … adm4_pcode, #adm1+code …), status (#status: planned, ongoing/active, completed, cancelled), start date (#date+start), reporting month (#date+reported, yyyy-mm), and optionally implementing partner (#org+impl), donor (#org+funder), end date (#date+end), modality (#modality: in kind, cash, service), people targeted and reached (#targeted+ind, #reached+ind, or targeted_female_0_4 … reached_male_60_plus), households (#targeted+hh, #reached+hh), comment. A line already reported (same organisations, activity, place, month and modality) is updated; sending the same file again changes nothing.",
        result: Paths.activities)

    static let keepsPlans = true
}

extension ImportKind {
    static let activities = ImportKind(rawValue: "activities")
}
