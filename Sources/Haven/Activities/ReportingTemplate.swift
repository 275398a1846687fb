import Fluent
import Vapor

/// A partner's 5W template for a month: the 5W workbook pre-filled with the lines it will most likely
/// report, and sheets listing its sites and the activity catalogue. Imported back as it is.
enum ReportingTemplate {
    static func response(for organisation: Organisation, month: ReportingMonth, on req: Request) async throws
        -> Response
    {
        let id = try organisation.requireID()
        let names = try await ActivityNames.load(on: req.db)
        let lines = try await carriedForward(of: id, into: month, on: req.db)
        let sites = try await sites(of: id, on: req.db)
        let types = try await ActivityType.query(on: req.db).live().sort(\.$sector).sort(\.$code)
            .all()
        let name = organisation.shortName.filter { $0.isLetter || $0.isNumber }
        let table = ActivityExport.table
        return try await WorkbookWriter.download(
            sheetName: table.name, layout: table.layout, filename: "haven-5w-template-\(name)-\(month).xlsx", on: req
        ) { workbook in
            table.appendHeadings(to: workbook)
            for line in lines { workbook.append(ActivityExport.cells(try ActivityLine(line), names)) }
            workbook.addSheet(
                "Sites",
                rows: [
                    [.text("site code"), .text("site name")] + (1...3).map { .text("adm\($0)_pcode") },
                    [.text("#loc+code"), .text("#loc+name")] + (1...3).map { .text("#adm\($0)+code") },
                ]
                    + sites.map { site in
                        [.text(site.code), .text(site.name)]
                            + (1...3).map { .text(names.area(site.$adminArea.id, level: $0)?.pcode ?? "") }
                    })
            workbook.addSheet(
                "Activities",
                rows: [
                    [.text("activity code"), .text("sector"), .text("activity")],
                    [.text("#activity+code"), .text("#sector+cluster"), .text("#activity+name")],
                ]
                    + types.map { [.text($0.code), .text($0.sector), .text($0.name)] })
        }
    }

    /// What the organisation will most likely report for `month`: the lines it already reported for it (to
    /// correct), or else its planned and ongoing lines of its latest month before, moved to `month` with nobody
    /// reached yet (lines that ended before `month` stay behind). Moved lines are changed in memory, never saved.
    static func carriedForward(of organisation: UUID, into month: ReportingMonth, on db: any Database) async throws
        -> [Activity]
    {
        guard
            let latest = try await Activity.query(on: db).filter(\.$reportingOrganisation.$id == organisation).filter(
                \.$archivedAt == nil
            )
            .filter(\.$month <= month.description).sort(\.$month, .descending).first()?.month
        else { return [] }
        let reported = Activity.query(on: db).filter(\.$reportingOrganisation.$id == organisation).filter(
            \.$archivedAt == nil
        )
        .filter(\.$month == latest).sort(\.$activityCode)
        guard latest != month.description else { return try await reported.all() }
        let lines = try await reported.filter(\.$status ~~ [.planned, .ongoing]).all()
            .filter { line in line.endOn.map { $0 >= month.firstDay.description } ?? true }
        for line in lines {
            line.month = month.description
            line.reached = nil
            line.reachedCells = ""
            line.householdsReached = nil
        }
        return lines
    }

    /// Sites the organisation manages or has reported work in.
    static func sites(of organisation: UUID, on db: any Database) async throws -> [Site] {
        let worked = try await Activity.query(on: db).filter(\.$reportingOrganisation.$id == organisation).filter(
            \.$site.$id != nil
        )
        .field(\.$site.$id).unique().all().compactMap { $0.$site.id }
        return try await Site.query(on: db).live().group(.or) { either in
            either.filter(\.$managementAgency.$id == organisation)
            if !worked.isEmpty { either.filter(\.$id ~~ worked) }
        }.sort(\.$code).all()
    }
}
