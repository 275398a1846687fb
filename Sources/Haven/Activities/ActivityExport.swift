import Fluent
import Vapor

/// The 5W as CSV with an HXL hashtag row under the header, streamed in batches so that an export of any
/// size keeps memory flat and starts arriving at once.
enum ActivityExport {
    typealias Column = ExportTable<Exported>.Column

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

    static let table = ExportTable<Exported>(
        name: "5W", filename: "haven-5w",
        columns: lineColumns + bracketColumns + groupColumns + [Column("comment", "#description") { $0.line.comment }])

    private static let lineColumns: [Column] =
        [
            Column("reporting_organisation", "#org+name") { e in
                e.names.organisations[e.line.reportingOrganisationId]?.name ?? ""
            },
            Column("reporting_acronym", "#org+acronym") { e in
                e.names.organisations[e.line.reportingOrganisationId]?.acronym ?? ""
            },
            Column("implementing_partner", "#org+impl") { e in
                e.line.implementingOrganisationId.flatMap { e.names.organisations[$0]?.name } ?? ""
            },
            Column("donor", "#org+funder") { e in
                e.line.donorOrganisationId.flatMap { e.names.organisations[$0]?.name } ?? ""
            },
            Column("sector", "#sector+cluster") { e in e.line.sector },
            Column("activity_code", "#activity+code") { e in e.line.activityCode },
            Column("activity", "#activity+name") { e in e.names.activities[e.line.activityCode] ?? "" },
        ] + areaColumns + [
            Column("site_code", "#loc+code") { e in e.line.siteId.flatMap { e.names.sites[$0]?.code } ?? ""
            },
            Column("site_name", "#loc+name") { e in e.line.siteId.flatMap { e.names.sites[$0]?.name } ?? ""
            },
            Column("status", "#status") { e in e.line.status.rawValue },
            Column("start_date", "#date+start", .day) { e in e.line.startOn },
            Column("end_date", "#date+end", .day) { e in e.line.endOn ?? "" },
            Column("reporting_month", "#date+reported", .month) { e in e.line.month },
            Column("modality", "#modality") { e in e.line.modality.rawValue },
            Column("targeted", "#targeted+ind", .number) { e in
                e.line.targeted.map(String.init) ?? ""
            },
            Column("reached", "#reached+ind", .number) { e in e.line.reached.map(String.init) ?? ""
            },
            Column("households_targeted", "#targeted+hh", .number) { e in
                e.line.householdsTargeted.map(String.init) ?? ""
            },
            Column("households_reached", "#reached+hh", .number) { e in
                e.line.householdsReached.map(String.init) ?? ""
            },
        ]

    /// The line's place from the top: a line at a level-4 area shows it through its level-3 parent.
    private static let areaColumns: [Column] = AreaTree.columns(levels: 1...3) {
        ($0.names.areas, $0.line.adminAreaId)
    }

    private static let bracketColumns: [Column] = ["targeted", "reached"].flatMap { measure in
        Sex.allCases.flatMap { sex in
            AgeBracket.allCases.enumerated().map { index, bracket in
                Column(
                    "\(measure)_\(sex.rawValue)_\(bracket.rawValue)",
                    "#\(measure)+\(sex == .female ? "f" : "m")+age\(bracket.rawValue.replacingOccurrences(of: "_plus", with: "plus"))",
                    .number
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
                    "\(measure)_\(sex.rawValue)_\(name)", "#\(measure)+\(sex == .female ? "f" : "m")+\(name)", .number
                ) { e in
                    let groups = e.people(measure)?.rolledUp(sex)
                    return [groups?.children, groups?.adults, groups?.elderly][group].map(String.init) ?? ""
                }
            }
        }
    }

    static let batchSize = 2000

    /// The lines `filter` selects, in the list's order, a batch at a time (a bad filter answers 422 first).
    static func rows(_ filter: ActivityFilter, on db: any Database) async throws -> ExportTable<Exported>.Rows {
        let names = try await ActivityNames.load(on: db)
        let query = try await ActivityListQuery(filter, on: db)
        return { body in
            try await query.eachBatch(batchSize: batchSize) { lines in try await body(lines.map { Exported($0, names) })
            }
        }
    }

    /// A line as workbook cells, as the 5W template pre-fills them.
    static func cells(_ line: ActivityLine, _ names: ActivityNames) -> [WorkbookWriter.Cell] {
        let exported = Exported(line, names)
        return table.columns.map { $0.cell(exported) }
    }
}
