import Foundation
import PropertyBased
import Testing
import Vapor
import VaporTesting

@testable import Haven

/// Every table people download: the same rows as CSV and Excel, filters in people's words, and the site master
/// list going back in through the site import unchanged.
@Suite struct ExportTests {
    @Test func everyTableDownloadsAsCSVAndAsAWorkbookWithTheSameRows() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await world.recordWASHNeed(at: world.alpha, on: app.db)
            for download in Paths.downloads {
                let csv = try await app.testing().sendRequest(
                    .GET, download.csv.pattern, headers: world.headers(.coordinator))
                #expect(csv.status == .ok, "\(download.csv)")
                #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
                let rows = try CSV.parse(csv.text, limits: TableLimits.csv).filter { $0 != [""] }
                let workbook = try await app.testing().sendRequest(
                    .GET, download.workbook.pattern, headers: world.headers(.coordinator))
                #expect(workbook.status == .ok, "\(download.workbook)")
                let cells = try Workbook.rows(Data(buffer: workbook.body))
                #expect(rows.count >= 2 && rows.first?.first?.hasPrefix("\u{FEFF}") == false)
                #expect(Array(cells.prefix(2)) == Array(rows.prefix(2)), "\(download.workbook): header and HXL rows")
                #expect(cells.count == rows.count, "\(download.workbook): as many rows as the CSV")
            }
        }
    }

    @Test func theSiteMasterListGoesBackInThroughTheSiteImportUnchanged() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await world.recordWASHNeed(at: world.alpha, on: app.db)
            let admin = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.administrator]!.id!, on: app.db))
            for address in [Paths.sitesDownload.csv, Paths.sitesDownload.workbook] {
                let file = try await app.testing().sendRequest(.GET, address.pattern, headers: world.headers(.viewer))
                let preview = try await Imports.preview(
                    .sites, text: try Table.csvText(of: Data(buffer: file.body)), user: admin, on: app.db)
                #expect(
                    preview.errors.isEmpty && preview.rows == 3 && preview.unchanged == 3,
                    "\(address): \(preview.errors)")
            }
        }
    }

    @Test func aSitesCountsAndRoundsAreFoundByItsCodeAndAnUnknownCodeIsRefused() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            try await world.recordWASHNeed(at: world.alpha, on: app.db)
            try await world.recordWASHNeed(at: world.beta, on: app.db)
            for download in [Paths.countsDownload, Paths.roundsDownload] {
                let one = try await app.testing().sendRequest(
                    .GET, Paths.with(download.csv, ["site": "bo0101_0002"]), headers: world.headers(.viewer))
                let rows = try CSV.parse(one.text, limits: TableLimits.csv).filter { $0 != [""] }
                #expect(rows.count == 3 && rows[2].first == "BO0101_0002", "\(download.csv)")
                let unknown = try await app.testing().sendRequest(
                    .GET, Paths.with(download.csv, ["site": "NOPE"]), headers: world.headers(.viewer))
                #expect(unknown.status == .unprocessableEntity)
            }
            let results = try await app.testing().sendRequest(
                .GET, Paths.roundsDownload.csv.pattern, headers: world.headers(.viewer))
            let rows = try CSV.parse(results.text, limits: TableLimits.csv).filter { $0 != [""] }
            let toilets = try #require(rows[0].firstIndex(of: "WASH-TOILETS"))
            let wash = try #require(rows[1].firstIndex(of: "#severity+wash"))
            #expect(rows[1][toilets] == "#indicator+wash_toilets" && rows[2][toilets] == "100" && rows[2][wash] == "4")
        }
    }

    @Test func downloadsNeedSomeoneWhoReadsOperationalData() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            for download in Paths.downloads {
                let anonymous = try await app.testing().sendRequest(.GET, download.csv.pattern)
                #expect(anonymous.status == .unauthorized, "\(download.csv)")
            }
        }
    }

    @Test func excelSerialsAreTheDaysExcelShows() async {
        #expect(WorkbookWriter.excelSerial(CalendarDay("2026-12-01")!) == 46_357)
        #expect(WorkbookWriter.excelSerial(CalendarDay("1900-03-01")!) == 61)
        await propertyCheck(input: Gen.int(in: 61...400_000)) { serial in
            let day = SheetReader.day(serial: Double(serial), date1904: false)
            #expect(CalendarDay(day).map(WorkbookWriter.excelSerial) == serial)
        }
    }

    @Test func anyTextBecomesACellOfItsKindWithoutTrapping() async {
        typealias Column = ExportTable<String>.Column
        let kinds: [Column.Kind] = [.text, .number, .day, .month]
        await propertyCheck(
            input: Gen.oneOf(Gen.character(in: "\u{0}"..."\u{2FF}"), Gen.character(in: "+"..."9"))
                .string(of: 0...14)
        ) { text in
            for kind in kinds {
                let cell = Column("c", "#meta", kind) { $0 }.cell(text)
                switch cell {
                case .empty: #expect(text.isEmpty)
                case .day(let day): #expect(kind == .day && day.description == text)
                case .month(let day): #expect(kind == .month && ReportingMonth(day).description == text)
                case .number(let n): #expect(kind == .number && Int(text) == n)
                case .decimal(let n): #expect(kind == .number && Double(text) == n)
                case .text(let written): #expect(written == text)
                }
            }
        }
        let month = Column("m", "#date", .month) { $0 }
        guard case .month(let day) = month.cell("2026-12") else {
            Issue.record("a month is a date")
            return
        }
        #expect(day.description == "2026-12-01")
    }
}
