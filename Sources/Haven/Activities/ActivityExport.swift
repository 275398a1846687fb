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
        var value: @Sendable (ActivityLine, ActivityNames) -> String

        init(
            header: String, hashtag: String, numeric: Bool = false,
            value: @escaping @Sendable (ActivityLine, ActivityNames) -> String
        ) {
            (self.header, self.hashtag, self.numeric, self.value) = (header, hashtag, numeric, value)
        }
    }

    static let columns: [Column] =
        lineColumns + bracketColumns + groupColumns
        + [Column(header: "comment", hashtag: "#description") { a, _ in a.comment }]

    private static let lineColumns: [Column] = [
        Column(header: "reporting_organisation", hashtag: "#org+name") { a, n in
            n.organisations[a.reportingOrganisationId]?.name ?? ""
        },
        Column(header: "reporting_acronym", hashtag: "#org+name+acronym") { a, n in
            n.organisations[a.reportingOrganisationId]?.acronym ?? ""
        },
        Column(header: "implementing_partner", hashtag: "#org+impl") { a, n in
            a.implementingOrganisationId.flatMap { n.organisations[$0]?.name } ?? ""
        },
        Column(header: "donor", hashtag: "#org+funder") { a, n in
            a.donorOrganisationId.flatMap { n.organisations[$0]?.name } ?? ""
        },
        Column(header: "sector", hashtag: "#sector+cluster") { a, _ in a.sector },
        Column(header: "activity_code", hashtag: "#activity+code") { a, _ in a.activityCode },
        Column(header: "activity", hashtag: "#activity+name") { a, n in n.activities[a.activityCode] ?? "" },
        Column(header: "adm1_pcode", hashtag: "#adm1+code") { a, n in n.area(a.adminAreaId, level: 1)?.pcode ?? "" },
        Column(header: "adm1_name", hashtag: "#adm1+name") { a, n in n.area(a.adminAreaId, level: 1)?.name ?? "" },
        Column(header: "admin_pcode", hashtag: "#adm+code") { a, n in n.areas[a.adminAreaId]?.pcode ?? "" },
        Column(header: "site_code", hashtag: "#loc+code") { a, n in a.siteId.flatMap { n.sites[$0]?.code } ?? "" },
        Column(header: "site_name", hashtag: "#loc+name") { a, n in a.siteId.flatMap { n.sites[$0]?.name } ?? "" },
        Column(header: "status", hashtag: "#status") { a, _ in a.status.rawValue },
        Column(header: "start_date", hashtag: "#date+start") { a, _ in a.startOn },
        Column(header: "end_date", hashtag: "#date+end") { a, _ in a.endOn ?? "" },
        Column(header: "reporting_month", hashtag: "#date+reported") { a, _ in a.month },
        Column(header: "modality", hashtag: "#meta+modality") { a, _ in a.modality.rawValue },
        Column(header: "targeted", hashtag: "#targeted+ind", numeric: true) { a, _ in a.targeted.map(String.init) ?? ""
        },
        Column(header: "reached", hashtag: "#reached+ind", numeric: true) { a, _ in a.reached.map(String.init) ?? "" },
        Column(header: "households_targeted", hashtag: "#targeted+hh", numeric: true) { a, _ in
            a.householdsTargeted.map(String.init) ?? ""
        },
        Column(header: "households_reached", hashtag: "#reached+hh", numeric: true) { a, _ in
            a.householdsReached.map(String.init) ?? ""
        },
    ]

    private static let bracketColumns: [Column] = ["targeted", "reached"].flatMap { measure in
        Sex.allCases.enumerated().flatMap { sexIndex, sex in
            AgeBracket.allCases.enumerated().map { bracketIndex, bracket in
                Column(
                    header: "\(measure)_\(sex.rawValue)_\(bracket.rawValue)",
                    hashtag:
                        "#\(measure)+\(sex == .female ? "f" : "m")+age\(bracket.rawValue.replacingOccurrences(of: "_plus", with: "plus"))",
                    numeric: true
                ) { a, _ in
                    let cells = (measure == "targeted" ? a.targetedCells : a.reachedCells).split(
                        separator: ",", omittingEmptySubsequences: false)
                    let index = sexIndex * 5 + bracketIndex
                    return index < cells.count ? String(cells[index]) : ""
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
                ) { a, _ in
                    let people = Activity.people(
                        total: measure == "targeted" ? a.targeted : a.reached,
                        cells: measure == "targeted" ? a.targetedCells : a.reachedCells)
                    let groups = people?.rolledUp(sex)
                    return [groups?.children, groups?.adults, groups?.elderly][group].map(String.init) ?? ""
                }
            }
        }
    }

    static let batchSize = 2000
    private static let numeric = columns.map(\.numeric)

    static func csv(_ filter: ActivityFilter, on db: any Database) async throws -> Response {
        let names = try await ActivityNames.load(on: db)
        _ = try await filter.conditions(line: "l", on: db)  // a bad filter answers 422 before the stream starts
        let response = Response(
            status: .ok,
            body: .init(managedAsyncStream: { writer in
                try await writer.writeBuffer(
                    ByteBuffer(
                        string: CSV.line(columns.map(\.header)) + "\r\n" + CSV.line(columns.map(\.hashtag)) + "\r\n"))
                try await ActivityListQuery.eachBatch(filter, batchSize: batchSize, on: db) { lines in
                    let text = lines.map { line in
                        CSV.exportLine(columns.map { $0.value(line, names) }, numeric: numeric) + "\r\n"
                    }.joined()
                    try await writer.writeBuffer(ByteBuffer(string: text))
                }
            }))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "haven-5w-\(CalendarDay.today()).csv")
        return response
    }

    /// The same table as an Excel workbook, written to a temporary file batch by batch and then streamed.
    static func xlsx(_ filter: ActivityFilter, on req: Request) async throws -> Response {
        let names = try await ActivityNames.load(on: req.db)
        return try await workbook(filename: "haven-5w-\(CalendarDay.today()).xlsx", on: req) { workbook in
            try await ActivityListQuery.eachBatch(filter, batchSize: batchSize, on: req.db) { lines in
                for line in lines { workbook.append(cells(line, names)) }
            }
        }
    }

    /// A line as workbook cells: people and households as numbers.
    static func cells(_ line: ActivityLine, _ names: ActivityNames) -> [WorkbookWriter.Cell] {
        columns.map { column in
            let value = column.value(line, names)
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
