import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import Haven

/// The open-data package: every table, the metadata, no personal data and no count of people under the threshold.
@Suite struct OpenDataTests {
    static let secret = "PLANTED-SECRET-7731"

    @Test func thePackageHoldsEveryTableWithoutPersonalDataOrSmallCounts() async throws {
        try await withHaven { app in
            _ = try await DemoLoader.load(sites: 10, months: 4, seed: 9, cipher: app.feedbackCipher, on: app.db)
            let actor = Actor.commandLine("test")
            // The planted secrets: a site's notes, a service's contact and referral focal point.
            let site = try #require(try await Site.query(on: app.db).filter(\.$status == .open).sort(\.$code).first())
            site.notes = "Ask \(Self.secret) at the gate"
            try await site.update(on: app.db)
            let service = try #require(try await Service.query(on: app.db).first())
            service.contact = Self.secret
            service.referralFocalPoint = Self.secret
            try await service.update(on: app.db)
            // A latest count with a breakdown holding one cell under the threshold, and a tiny site.
            var figures = PopulationFigures(
                countedOn: .today(), households: 300, individuals: 1000, disaggregated: true, source: .headcount)
            figures.female = [100, 150, 2, 200, 48]
            figures.male = [90, 160, 100, 120, 30]
            _ = try await PopulationRegister.record(figures, for: site, by: actor, on: app.db)
            let tiny = try #require(
                try await Site.query(on: app.db).filter(\.$status == .open).sort(\.$code, .descending).first())
            _ = try await PopulationRegister.record(
                PopulationFigures(
                    countedOn: .today(), households: 1, individuals: 3, disaggregated: false, source: .headcount),
                for: tiny, by: actor, on: app.db)

            let context = OpenDataContext(db: app.db, today: .today(), smallCellThreshold: 5)
            let package = try await OpenDataPackage.make(
                context, settings: OpenDataSettings(operation: "Borealia", contact: "im@cluster.example"))
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("open-data-\(UUID()).zip")
            try package.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }

            let archive = try Archive(url: url, accessMode: .read)
            var texts: [String: String] = [:]
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                texts[entry.path] = String(decoding: data, as: UTF8.self)
            }
            #expect(
                Set(texts.keys)
                    == [
                        "sites.csv", "population.csv", "severity.csv", "presence.csv", "services.csv", "metadata.json",
                        "README.md",
                    ])
            for (name, text) in texts {
                #expect(!text.contains(Self.secret), "\(name) holds a planted secret")
                #expect(!text.contains("@haven.demo"), "\(name) names an account")
            }
            for name in ["sites.csv", "population.csv", "severity.csv", "presence.csv", "services.csv"] {
                let rows = try CSV.parse(try #require(texts[name]), limits: TableLimits.csv).filter { $0 != [""] }
                #expect(rows.count > 2, "\(name): the demo fills it")
                #expect(rows[1].allSatisfy { $0.hasPrefix("#") }, "\(name): the HXL row")
            }

            let population = try CSV.parse(try #require(texts["population.csv"]), limits: TableLimits.csv)
            let header = population[0]
            let cells = PopulationFigures.cellColumns.compactMap { header.firstIndex(of: $0) }
            #expect(cells.count == 10)
            let counted = cells + ["households", "individuals"].compactMap { header.firstIndex(of: $0) }
            for row in population.dropFirst(2) where row.count == header.count {
                for index in counted {
                    if let value = Int(row[index]) {
                        #expect(value == 0 || value >= 5, "\(header[index]) = \(value) is under the threshold")
                    }
                }
            }
            let planted = try #require(population.first { $0.first == site.code })
            #expect(cells.map { planted[$0] }.filter(\.isEmpty).count == 2, "the small cell and its partner")
            #expect(planted[header.firstIndex(of: "individuals")!] == "1000")
            let small = try #require(population.first { $0.first == tiny.code })
            #expect(small[header.firstIndex(of: "individuals")!] == "")

            let metadata = try JSONDecoder().decode(
                OpenDataPackage.Metadata.self, from: Data(try #require(texts["metadata.json"]).utf8))
            #expect(metadata.title.hasPrefix("Borealia") && metadata.contact == "im@cluster.example")
            #expect(metadata.licence.contains("CC BY") && metadata.smallCellThreshold == 5)
            #expect(metadata.dateRange != nil && metadata.resources.count == 5)
            #expect(metadata.resources.first { $0.name == "population.csv" }?.rows == population.count - 2)
            #expect(texts["README.md"]?.contains("## Methodology") == true)

            let world = try await app.testing().sendRequest(.GET, "/open-data/package.zip")
            #expect(world.status == .unauthorized || world.status == .seeOther)
        }
    }

    @Test func theCommandLineWritesThePackageAndNeverOverwritesAFile() async throws {
        let directory = NSTemporaryDirectory() + "haven-cli-" + UUID().uuidString
        let settings = Settings(storage: .sqlite(path: directory + "/haven.sqlite"), dataDirectory: directory)
        try await HavenApp.demo(settings, sites: 6, months: 3, seed: 3)
        let file = directory + "/open-data.zip"
        let files = try await HavenApp.exportOpenData(settings, to: file)
        #expect(files.map(\.0) == ["sites.csv", "population.csv", "severity.csv", "presence.csv", "services.csv"])
        #expect(files.first?.1 == 6)
        #expect(try Archive(url: URL(fileURLWithPath: file), accessMode: .read).contains { $0.path == "README.md" })
        await #expect(throws: HavenError.self) { _ = try await HavenApp.exportOpenData(settings, to: file) }
    }
}
