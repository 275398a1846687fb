import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct RoundImportTests {
    @Test func aFileOfRoundsIsCheckedRowByRowThenWrittenWhole() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let manager = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.siteManager]!.id!, on: app.db))
            let bad = """
                site,conducted_on,key_informants,WASH-TOILETS,SMT-SERVICE-WATER
                BO0101_0001,2025-02-10,camp leader,40,inadequate
                BO0101_0002,2025-02-10,,10,adequate
                BO0101_0001,2025-02-10,,-1,plenty
                NOPE,2025-13-01,,,
                """
            let preview = try await Imports.preview(.rounds, text: bad, user: manager, on: app.db)
            #expect(!preview.canCommit)
            #expect(
                preview.errors.contains(
                    RowError(
                        line: 3, column: "site",
                        message: "your role (Site manager) may not record rounds for BO0101_0002")))
            #expect(preview.errors.contains(RowError(line: 4, column: "WASH-TOILETS", message: "cannot be negative")))
            #expect(
                preview.errors.contains(
                    RowError(
                        line: 4, column: "SMT-SERVICE-WATER",
                        message: "must be one of adequate, inadequate, non_existent")))
            #expect(
                preview.errors.contains(
                    RowError(line: 4, column: "conducted_on", message: "the same site and day are on row 2")))
            #expect(
                preview.errors.contains(
                    RowError(line: 5, column: "site", message: "'NOPE' is not the code of a site in Haven")))
            #expect(
                preview.errors.contains(
                    RowError(
                        line: 5, column: "conducted_on", message: "'2025-13-01' is not a date in the form yyyy-mm-dd")))
            await #expect(throws: HavenError.self) {
                _ = try await Imports.commit(.rounds, text: bad, user: manager, by: manager.actor, on: app.db)
            }
            #expect(try await MonitoringRound.query(on: app.db).count() == 0)

            let good =
                "site,conducted_on,key_informants,WASH-TOILETS,SMT-SERVICE-WATER\nBO0101_0001,2025-02-10,camp leader,40,inadequate\n"
            let done = try await Imports.commit(.rounds, text: good, user: manager, by: manager.actor, on: app.db)
            #expect(done.creates == 1)
            let round = try #require(try await MonitoringRound.query(on: app.db).first())
            #expect(
                round.source == .upload && round.keyInformants == "camp leader"
                    && round.answers["WASH-TOILETS"] == .number(40))
            let again = try await Imports.preview(.rounds, text: good, user: manager, on: app.db)
            #expect(
                again.errors == [
                    RowError(line: 2, column: "conducted_on", message: "BO0101_0001 already has a round on 2025-02-10")
                ])
        }
    }

    @Test func unknownColumnsAreNamedAndTheTemplateListsEveryQuestion() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let manager = try #require(
                try await CurrentUserMiddleware.user(id: world.users[.siteManager]!.id!, on: app.db))
            let preview = try await Imports.preview(
                .rounds, text: "site,conducted_on,TOILETS\nBO0101_0001,2025-02-10,3\n", user: manager, on: app.db)
            #expect(preview.missingColumns == ["'TOILETS' is not a question of the catalogue (download the template)"])
            let template = try await app.testing().sendRequest(
                .GET, "/import/rounds/template.csv", headers: world.headers(.siteManager))
            let header = template.body.string.split(separator: "\r\n").first.map(String.init) ?? ""
            #expect(
                header.hasPrefix("site,conducted_on,key_informants,WASH-TOILETS,")
                    && !header.contains("WASH-LATRINE-RATIO"))
            try await app.testing().test(.GET, "/import/rounds/template.csv", headers: world.headers(.viewer)) {
                #expect($0.status == .forbidden)
            }
        }
    }
}
