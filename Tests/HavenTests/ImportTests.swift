import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Haven

@Suite struct ImportTests {
    let actor = Actor.commandLine("test")

    static let gazetteer = """
        ADM0_PCODE,ADM0_EN,Province code,Province,District code,District
        #country+code,#country+name,#adm1+code,#adm1+name,#adm2 +code,#adm2+name
        BO,Bora,BO01,North,BO0101,North One
        BO,Bora,BO01,North,BO0102,North Two
        BO,Bora,BO02,South,BO0201,South One
        """

    @Test func aGazetteerWithHashtagsIsImportedInAnyColumnNames() async throws {
        try await withHaven { app in
            let preview = try await Imports.preview(.adminAreas, text: Self.gazetteer, user: nil, on: app.db)
            #expect(preview.canCommit && preview.creates == 6 && preview.rows == 3)
            _ = try await Imports.commit(.adminAreas, text: Self.gazetteer, user: nil, by: actor, on: app.db)
            let district = try await AdminArea.query(on: app.db).filter(\.$pcode == "BO0102").with(\.$parent).first()
            #expect(district?.level == 2 && district?.parent?.pcode == "BO01" && district?.name == "North Two")
            let again = try await Imports.preview(.adminAreas, text: Self.gazetteer, user: nil, on: app.db)
            #expect(again.creates == 0 && again.updates == 0 && again.unchanged == 6)
        }
    }

    @Test func gazetteerErrorsNameTheRowAndColumn() async throws {
        try await withHaven { app in
            let text = """
                adm1_pcode,adm1_name,adm2_pcode,adm2_name
                BO01,North,BO0101,North One
                BO01,Nord,BO0102,North Two
                BO02,South,BO0301,Wrong parent
                """
            let preview = try await Imports.preview(.adminAreas, text: text, user: nil, on: app.db)
            #expect(
                preview.errors == [
                    RowError(line: 3, column: "adm1_pcode", message: "BO01 is 'Nord' here but 'North' on row 2"),
                    RowError(
                        line: 4, column: "adm2_pcode", message: "pcode BO0301 must start with its parent's P-code BO02"),
                ])
            await #expect(throws: HavenError.self) {
                try await Imports.commit(.adminAreas, text: text, user: nil, by: actor, on: app.db)
            }
            #expect(try await AdminArea.query(on: app.db).count() == 0)
        }
    }

    @Test func sitesAreAddedUpdatedOrLeftAloneByCode() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let text = """
                Site code,Site name,Site type,Status,adm2_pcode,Latitude,Longitude,SMA,opened_on
                BO0101_0001,Alpha camp,planned_camp,open,BO0101,2.5,31.5,NRC,2024-01-15
                BO0101_0003,Echo site,Informal settlement,open,BO0101,2.6,31.6,IOM,2024-05-01
                """
            let preview = try await Imports.preview(.sites, text: text, user: nil, on: app.db)
            #expect(preview.errors.isEmpty && preview.creates == 1 && preview.updates == 1 && preview.unchanged == 0)
            _ = try await Imports.commit(.sites, text: text, user: nil, by: actor, on: app.db)
            let echo = try await Site.query(on: app.db).filter(\.$code == "BO0101_0003").first()
            #expect(echo?.type == .informalSettlement && echo?.$managementAgency.id == world.iom.id)
            let again = try await Imports.preview(.sites, text: text, user: nil, on: app.db)
            #expect(again.creates == 0 && again.updates == 0 && again.unchanged == 2)
            let eventsBefore = try await AuditEvent.query(on: app.db).count()
            _ = try await Imports.commit(.sites, text: text, user: nil, by: actor, on: app.db)
            #expect(
                try await AuditEvent.query(on: app.db).count() == eventsBefore,
                "re-importing the same file changes nothing")
        }
    }

    @Test func everyBadRowIsReportedAndNothingIsWritten() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let text = """
                code,name,type,status,admin_pcode,latitude,longitude,management_agency,capacity_individuals
                #loc+code,#loc+name,#loc+type,#status,#adm+code,#geo+lat,#geo+lon,#org+sma,#capacity+ind
                BO0101_0010,Good site,planned_camp,open,BO0101,2.5,31.5,NRC,100
                BO0101_0011,Bad place,palace,open,XX99,north,31.5,Nobody,-4
                BO0101_0010,Twice,planned_camp,open,BO0101,,,,
                """
            let preview = try await Imports.preview(.sites, text: text, user: nil, on: app.db)
            #expect(!preview.canCommit)
            #expect(
                preview.errors.contains(
                    RowError(
                        line: 4, column: "admin_pcode",
                        message: "P-code XX99 is not in the gazetteer; import the administrative areas first")))
            #expect(
                preview.errors.contains(
                    RowError(line: 4, column: "type", message: "'palace' is not one of \(SiteType.codeList)")))
            #expect(preview.errors.contains(RowError(line: 4, column: "latitude", message: "'north' is not a number")))
            #expect(
                preview.errors.contains(
                    RowError(
                        line: 4, column: "management_agency",
                        message: "'Nobody' is not a known organisation name or acronym")))
            #expect(
                preview.errors.contains(
                    RowError(line: 4, column: "capacity_individuals", message: "cannot be negative")))
            #expect(
                preview.errors.contains(
                    RowError(line: 5, column: "code", message: "BO0101_0010 already appears on row 3")))
            #expect(!preview.errors.contains { $0.line == 3 })
            await #expect(throws: HavenError.self) {
                try await Imports.commit(.sites, text: text, user: nil, by: actor, on: app.db)
            }
            #expect(try await Site.query(on: app.db).count() == 3)
        }
    }

    @Test func missingRequiredColumnsAreNamed() async throws {
        try await withHaven { app in
            let preview = try await Imports.preview(.sites, text: "code,name\nA,B\n", user: nil, on: app.db)
            #expect(
                preview.missingColumns == [
                    "type", "status", "admin area P-code (adm1_pcode … adm4_pcode or admin_pcode)",
                ])
        }
    }

    @Test func theWebImportPreviewsThenCommitsOnConfirmation() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let (cookie, csrf) = try await WebPageTests().login(app, as: "coordinator@test.haven")
            let csv = "code,name,type,status,admin_pcode\nBO0201_0009,Foxtrot,evacuation_centre,open,BO02\n"
            let boundary = "haven-boundary"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sites.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            let preview = try await app.testing().sendRequest(
                .POST, "/import/sites",
                headers: [
                    "cookie": cookie, "content-type": "multipart/form-data; boundary=\(boundary)",
                ], body: ByteBuffer(string: body))
            #expect(preview.status == .ok && preview.text.contains("No problems found"))
            #expect(try await Site.query(on: app.db).count() == 3, "nothing is written before confirmation")
            let staged = try #require(try await StagedImport.query(on: app.db).first())
            let commit = try await app.testing().sendRequest(
                .POST, "/import/sites/\(staged.id!)/commit",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "_csrf=\(csrf)"))
            #expect(commit.text.contains("1 added"))
            #expect(
                try await Site.query(on: app.db).filter(\.$code == "BO0201_0009").first()?.$adminArea.id
                    == world.south.id)
            let twice = try await app.testing().sendRequest(
                .POST, "/import/sites/\(staged.id!)/commit",
                headers: [
                    "cookie": cookie, "content-type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "_csrf=\(csrf)"))
            #expect(twice.status == .conflict)
        }
    }
}
