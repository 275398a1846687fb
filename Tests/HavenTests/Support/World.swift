import Fluent
import Foundation
import Vapor
import VaporTesting

@testable import Haven

/// A small operation for tests: a country with two provinces, two organisations, three sites,
/// and one signed-in account per role, each with a ready bearer token.
struct World {
    var country: AdminArea
    var north: AdminArea
    var northDistrict: AdminArea
    var south: AdminArea
    var nrc: Organisation
    var iom: Organisation
    /// Managed by NRC, assigned to the site manager.
    var alpha: Site
    /// Managed by IOM.
    var beta: Site
    /// In the south, managed by nobody.
    var gamma: Site
    var users: [Role: User]
    var tokens: [Role: String]

    static let password = "correct horse battery"

    static func make(on app: Application) async throws -> World {
        let db = app.db
        let actor = Actor.commandLine("test")
        let country = AdminArea(pcode: "BO", name: "Bora", level: 0, parentID: nil)
        try await Audit.create(country, by: actor, on: db)
        let north = AdminArea(pcode: "BO01", name: "North", level: 1, parentID: country.id)
        try await Audit.create(north, by: actor, on: db)
        let northDistrict = AdminArea(pcode: "BO0101", name: "North One", level: 2, parentID: north.id)
        try await Audit.create(northDistrict, by: actor, on: db)
        let south = AdminArea(pcode: "BO02", name: "South", level: 1, parentID: country.id)
        try await Audit.create(south, by: actor, on: db)
        let nrc = Organisation(name: "Norwegian Refugee Council", acronym: "NRC", kind: .ingo)
        try await Audit.create(nrc, by: actor, on: db)
        let iom = Organisation(name: "International Organization for Migration", acronym: "IOM", kind: .un)
        try await Audit.create(iom, by: actor, on: db)
        let alpha = try await SiteRegister.create(
            siteInput("BO0101_0001", "Alpha camp", area: northDistrict, agency: nrc), by: actor, on: db)
        let beta = try await SiteRegister.create(
            siteInput("BO0101_0002", "Beta centre", area: northDistrict, agency: iom, type: .collectiveCentre),
            by: actor, on: db)
        let gamma = try await SiteRegister.create(
            siteInput("BO0201_0001", "Gamma settlement", area: south, agency: nil, type: .informalSettlement),
            by: actor, on: db)
        var users: [Role: User] = [:]
        var tokens: [Role: String] = [:]
        let hash = try Bcrypt.hash(password, cost: 4)
        for role in Role.allCases {
            let user = User(
                email: "\(role.rawValue)@test.haven", name: role.label, passwordHash: hash, role: role,
                organisationID: role == .partner ? nrc.id : nil)
            try await Audit.create(user, by: actor, on: db)
            if role == .siteManager { try await UserSite(userID: user.id!, siteID: alpha.id!).create(on: db) }
            let token = "token-\(role.rawValue)-\(UUID().uuidString)"
            try await UserSession(
                tokenHash: Login.hashToken(token), userID: user.id!, kind: .api,
                expiresAt: Date().addingTimeInterval(3600)
            ).create(on: db)
            users[role] = user
            tokens[role] = token
        }
        return World(
            country: country, north: north, northDistrict: northDistrict, south: south, nrc: nrc, iom: iom,
            alpha: alpha, beta: beta, gamma: gamma, users: users, tokens: tokens)
    }

    static func siteInput(
        _ code: String, _ name: String, area: AdminArea, agency: Organisation?, type: SiteType = .plannedCamp
    ) -> SiteInput {
        SiteInput(
            code: code, name: name, otherNames: [], type: type, status: .open, adminAreaId: area.id!, latitude: 2.5,
            longitude: 31.5, managementAgencyId: agency?.id, landOwnership: .public, tenancyAgreement: true,
            areaSquareMetres: 50_000, capacityHouseholds: 400, capacityIndividuals: 2000,
            openedOn: CalendarDay("2024-01-15")!, closedOn: nil, notes: "")
    }

    /// 4,100 people counted at `site` and a round this month with 100 toilets (41 people each: WASH at 4), with
    /// any other answers given.
    func recordWASHNeed(at site: Site, also values: [String: Answer] = [:], on db: any Database) async throws {
        let actor = Actor.commandLine("test")
        _ = try await PopulationRegister.record(
            PopulationFigures(
                countedOn: CalendarDay.today().adding(days: -20), households: 820, individuals: 4100,
                disaggregated: false, source: .headcount), for: site, by: actor, on: db)
        _ = try await RoundRegister.record(
            RoundInput(
                conductedOn: CalendarDay.today().adding(days: -10), keyInformants: [],
                values: values.merging(["WASH-TOILETS": .number(100)]) { _, new in new }),
            for: RoundSite(site), catalogue: try await Catalogue.current(on: db), source: .api, by: actor, on: db)
    }

    func headers(_ role: Role) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: tokens[role]!)
        headers.contentType = .json
        return headers
    }
}

extension TestingHTTPResponse {
    func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }

    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
}

/// A JSON body for a request.
func jsonBody(_ object: Any) throws -> ByteBuffer {
    ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
}

/// The problem document of an error response, as clients read it.
struct ProblemBody: Decodable {
    struct Field: Decodable {
        var field: String
        var message: String
    }
    var status: Int
    var detail: String
    var errors: [Field]?
}

/// Minimal list envelope for decoding in tests.
struct Envelope<Item: Decodable>: Decodable {
    var items: [Item]
    var total: Int
    var limit: Int
    var offset: Int
}
