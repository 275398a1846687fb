import Fluent
import Vapor

/// A partner's 5W template for a month: the 5W workbook pre-filled with the lines it will most likely
/// report again (its planned and ongoing lines of its latest month, moved to this month with nobody
/// reached yet), and sheets listing its sites and the activity catalogue. Imported back as it is.
enum ReportingTemplate {
    static func response(for organisation: Organisation, month: ReportingMonth, on req: Request) async throws -> Response {
        let id = try organisation.requireID()
        let names = try await ActivityExport.Names.load(on: req.db)
        let lines = try await carriedForward(of: id, into: month, on: req.db)
        let sites = try await sites(of: id, on: req.db)
        let types = try await ActivityType.query(on: req.db).filter(\.$archivedAt == nil).sort(\.$sector).sort(\.$code).all()
        let name = (organisation.acronym.isEmpty ? organisation.name : organisation.acronym).filter { $0.isLetter || $0.isNumber }
        return try await ActivityExport.workbook(filename: "haven-5w-template-\(name)-\(month).xlsx", on: req) { workbook in
            for line in lines { workbook.append(ActivityExport.cells(line, names)) }
            workbook.addSheet("Sites", rows: [[.text("site code"), .text("site name"), .text("admin area")], [.text("#loc+code"), .text("#loc+name"), .text("#adm+code")]]
                + sites.map { [.text($0.code), .text($0.name), .text(names.areas[$0.$adminArea.id]?.pcode ?? "")] })
            workbook.addSheet("Activities", rows: [[.text("activity code"), .text("sector"), .text("activity")], [.text("#activity+code"), .text("#sector+cluster"), .text("#activity+name")]]
                + types.map { [.text($0.code), .text($0.sector), .text($0.name)] })
        }
    }

    /// The organisation's planned and ongoing lines of its latest month before `month`, as lines of `month`
    /// with nothing reached yet (lines that ended before `month` stay behind). They are read, changed in memory and never saved.
    static func carriedForward(of organisation: UUID, into month: ReportingMonth, on db: any Database) async throws -> [Activity] {
        guard let latest = try await Activity.query(on: db).filter(\.$reportingOrganisation.$id == organisation).filter(\.$archivedAt == nil)
            .filter(\.$month < month.description).sort(\.$month, .descending).first()?.month else { return [] }
        let lines = try await Activity.query(on: db).filter(\.$reportingOrganisation.$id == organisation).filter(\.$archivedAt == nil)
            .filter(\.$month == latest).filter(\.$status ~~ [.planned, .ongoing]).sort(\.$activityCode).all()
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
        let worked = try await Activity.query(on: db).filter(\.$reportingOrganisation.$id == organisation).filter(\.$site.$id != nil)
            .field(\.$site.$id).unique().all().compactMap { $0.$site.id }
        return try await Site.query(on: db).filter(\.$archivedAt == nil).group(.or) { either in
            either.filter(\.$managementAgency.$id == organisation)
            if !worked.isEmpty { either.filter(\.$id ~~ worked) }
        }.sort(\.$code).all()
    }
}
