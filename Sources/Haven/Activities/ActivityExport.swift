import Fluent
import Vapor

/// The 5W as CSV with an HXL hashtag row under the header, streamed in batches so that an export of any
/// size keeps memory flat and starts arriving at once.
enum ActivityExport {
    struct Column: Sendable {
        var header: String
        var hashtag: String
        /// People and households: numbers in a workbook, so that they add up in Excel.
        var numeric = false
        var value: @Sendable (Exported) -> String

        init(
            header: String, hashtag: String, numeric: Bool = false, value: @escaping @Sendable (Exported) -> String
        ) {
            (self.header, self.hashtag, self.numeric, self.value) = (header, hashtag, numeric, value)
        }
    }

    /// A line with its people read from their cells once, not once per column.
    struct Exported {
        var line: ActivityLine
        var names: ActivityNames
        var targeted: People?
        var reached: People?

        init(_ line: ActivityLine, _ names: ActivityNames) {
            (self.line, self.names) = (line, names)
            targeted = Activity.people(total: line.targeted, cells: line.targetedCells)
            reached = Activity.people(total: line.reached, cells: line.reachedCells)
        }

        func people(_ measure: String) -> People? { measure == "targeted" ? targeted : reached }
    }

    static let columns: [Column] =
        lineColumns + bracketColumns + groupColumns
        + [Column(header: "comment", hashtag: "#description") { $0.line.comment }]

    private static let lineColumns: [Column] = [
        Column(header: "reporting_organisation", hashtag: "#org+name") { e in
            e.names.organisations[e.line.reportingOrganisationId]?.name ?? ""
        },
        Column(header: "reporting_acronym", hashtag: "#org+name+acronym") { e in
            e.names.organisations[e.line.reportingOrganisationId]?.acronym ?? ""
        },
        Column(header: "implementing_partner", hashtag: "#org+impl") { e in
            e.line.implementingOrganisationId.flatMap { e.names.organisations[$0]?.name } ?? ""
        },
        Column(header: "donor", hashtag: "#org+funder") { e in
            e.line.donorOrganisationId.flatMap { e.names.organisations[$0]?.name } ?? ""
        },
        Column(header: "sector", hashtag: "#sector+cluster") { e in e.line.sector },
        Column(header: "activity_code", hashtag: "#activity+code") { e in e.line.activityCode },
        Column(header: "activity", hashtag: "#activity+name") { e in e.names.activities[e.line.activityCode] ?? "" },
        Column(header: "adm1_pcode", hashtag: "#adm1+code") { e in
            e.names.area(e.line.adminAreaId, level: 1)?.pcode ?? ""
        },
        Column(header: "adm1_name", hashtag: "#adm1+name") { e in e.names.area(e.line.adminAreaId, level: 1)?.name ?? ""
        },
        Column(header: "admin_pcode", hashtag: "#adm+code") { e in e.names.areas[e.line.adminAreaId]?.pcode ?? "" },
        Column(header: "site_code", hashtag: "#loc+code") { e in e.line.siteId.flatMap { e.names.sites[$0]?.code } ?? ""
        },
        Column(header: "site_name", hashtag: "#loc+name") { e in e.line.siteId.flatMap { e.names.sites[$0]?.name } ?? ""
        },
        Column(header: "status", hashtag: "#status") { e in e.line.status.rawValue },
        Column(header: "start_date", hashtag: "#date+start") { e in e.line.startOn },
        Column(header: "end_date", hashtag: "#date+end") { e in e.line.endOn ?? "" },
        Column(header: "reporting_month", hashtag: "#date+reported") { e in e.line.month },
        Column(header: "modality", hashtag: "#meta+modality") { e in e.line.modality.rawValue },
        Column(header: "targeted", hashtag: "#targeted+ind", numeric: true) { e in
            e.line.targeted.map(String.init) ?? ""
        },
        Column(header: "reached", hashtag: "#reached+ind", numeric: true) { e in e.line.reached.map(String.init) ?? ""
        },
        Column(header: "households_targeted", hashtag: "#targeted+hh", numeric: true) { e in
            e.line.householdsTargeted.map(String.init) ?? ""
        },
        Column(header: "households_reached", hashtag: "#reached+hh", numeric: true) { e in
            e.line.householdsReached.map(String.init) ?? ""
        },
    ]

    private static let bracketColumns: [Column] = ["targeted", "reached"].flatMap { measure in
        Sex.allCases.flatMap { sex in
            AgeBracket.allCases.enumerated().map { index, bracket in
                Column(
                    header: "\(measure)_\(sex.rawValue)_\(bracket.rawValue)",
                    hashtag:
                        "#\(measure)+\(sex == .female ? "f" : "m")+age\(bracket.rawValue.replacingOccurrences(of: "_plus", with: "plus"))",
                    numeric: true
                ) { e in
                    let cells = e.people(measure).map { sex == .female ? $0.female : $0.male }
                    return cells.flatMap { index < $0.count ? $0[index] : nil }.map(String.init) ?? ""
                }
            }
        }
    }

    private static let groupColumns: [Column] = ["targeted", "reached"].flatMap { measure in
        // The coarse groups most 5W templates use, for whoever merges this file into one of them.
        Sex.allCases.flatMap { sex in
            ["children", "adults", "elderly"].enumerated().map { group, name in
                Column(
                    header: "\(measure)_\(sex.rawValue)_\(name)",
                    hashtag: "#\(measure)+\(sex == .female ? "f" : "m")+\(name)", numeric: true
                ) { e in
                    let groups = e.people(measure)?.rolledUp(sex)
                    return [groups?.children, groups?.adults, groups?.elderly][group].map(String.init) ?? ""
                }
            }
        }
    }

    static let batchSize = 2000
    private static let numeric = columns.map(\.numeric)

    static func csv(_ filter: ActivityFilter, on db: any Database) async throws -> Response {
        let names = try await ActivityNames.load(on: db)
        let query = try await ActivityListQuery(filter, on: db)  // a bad filter answers 422 before the stream starts
        return CSVDownload.response(
            filename: "haven-5w-\(CalendarDay.today()).csv", header: columns.map(\.header),
            hashtags: columns.map(\.hashtag), numeric: numeric
        ) { write in
            try await query.eachBatch(batchSize: batchSize) { lines in
                try await write(
                    lines.map { line in
                        let exported = Exported(line, names)
                        return columns.map { $0.value(exported) }
                    })
            }
        }
    }

    /// The same table as an Excel workbook, written to a temporary file batch by batch and then streamed.
    static func xlsx(_ filter: ActivityFilter, on req: Request) async throws -> Response {
        let names = try await ActivityNames.load(on: req.db)
        let query = try await ActivityListQuery(filter, on: req.db)
        return try await workbook(filename: "haven-5w-\(CalendarDay.today()).xlsx", on: req) { workbook in
            try await query.eachBatch(batchSize: batchSize) { lines in
                for line in lines { workbook.append(cells(line, names)) }
            }
        }
    }

    /// A line as workbook cells: people and households as numbers.
    static func cells(_ line: ActivityLine, _ names: ActivityNames) -> [WorkbookWriter.Cell] {
        let exported = Exported(line, names)
        return columns.map { column in
            let value = column.value(exported)
            return column.numeric ? Int(value).map { .number($0) } ?? .empty : .text(value)
        }
    }

    /// A 5W workbook: the header and HXL rows, then what `fill` adds.
    static func workbook(filename: String, on req: Request, fill: (WorkbookWriter) async throws -> Void) async throws
        -> Response
    {
        try await WorkbookWriter.download(sheetName: "5W", filename: filename, on: req) { workbook in
            workbook.append(columns.map { .text($0.header) })
            workbook.append(columns.map { .text($0.hashtag) })
            try await fill(workbook)
        }
    }
}
