import Foundation
import PropertyBased
import Testing

@testable import Haven

/// `JSONWriter` must send what `JSONEncoder`, configured as the app configures it, would send.
@Suite struct JSONWriterTests {
    /// Both texts parsed: equal objects mean the same members with the same values.
    static func parsed(_ bytes: [UInt8]) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? NSObject)
    }

    static func encoded<Value: Encodable>(_ value: Value) throws -> NSObject {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try parsed(Array(try encoder.encode(value)))
    }

    static func written(_ body: (inout JSONWriter) -> Void) throws -> NSObject {
        var json = JSONWriter()
        body(&json)
        return try parsed(json.bytes)
    }

    /// Whether what the writer wrote parses to what `JSONEncoder` sends for `value`.
    static func sameAsEncoded<Value: Encodable>(_ value: Value, _ body: (inout JSONWriter) -> Void) -> Bool {
        guard let written = try? written(body), let encoded = try? encoded(value) else { return false }
        return written == encoded
    }

    /// Any text, including quotes, backslashes, control characters, non-ASCII and emoji.
    static let text = Gen.oneOf(
        Gen.unicodeScalar(in: "\u{0}"..."\u{7F}").map { String($0) }, Gen.always("\""), Gen.always("\\"),
        Gen.always("\t\n\r\u{1}\u{1F}"), Gen.always("é"), Gen.always("\u{2028}"), Gen.always("ع"), Gen.always("👩🏽‍⚕️"),
        Gen.always("\u{7F}")
    ).array(of: 0...12).map { $0.joined() }

    @Test func stringsReadBackAsWritten() async throws {
        await propertyCheck(input: Self.text) { text in
            #expect(Self.sameAsEncoded(text) { $0.string(text) })
        }
    }

    @Test func numbersReadBackAsJSONEncoderWritesThem() async throws {
        let double = Gen.oneOf(
            Gen.double(in: -1e6...1e6), Gen.double(in: -1e-3...1e-3), Gen.double(in: -1e300...1e300),
            Gen.int(in: -100_000...100_000).map { Double($0) })
        await propertyCheck(input: double, Gen.int(in: .min ... .max)) { double, int in
            #expect(Self.sameAsEncoded(double) { $0.double(double) })
            #expect(Self.sameAsEncoded(int) { $0.int(int) })
        }
        var json = JSONWriter()
        json.array([Double.nan, .infinity]) { json, value in json.double(value) }
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[null,null]")
    }

    @Test func datesAreISO8601ToTheSecond() async throws {
        await propertyCheck(input: Gen.dateTime(inYear: 1900...2999)) { date in
            #expect(Self.sameAsEncoded(date) { $0.date(date) })
        }
    }

    @Test func aSiteIsWhatCodableSends() async throws {
        await propertyCheck(
            input: Self.text, Self.text.array(of: 0...3), Gen.double(in: -90...90).optional,
            Gen.int(in: 0...1_000_000).optional, Gen.dateTime(inYear: 2000...2100).optional, Gen.bool,
            Gen.date(inYear: 1990...2030).optional
        ) { name, otherNames, latitude, count, archivedAt, tenancy, opened in
            let site = SiteBody(
                SiteRow(
                    id: UUID(), code: "BO0101_0001", name: name, otherNames: otherNames.joined(separator: "; "),
                    type: .collectiveCentre, status: .open, adminAreaId: UUID(), latitude: latitude,
                    longitude: latitude.map { $0 * 2 }, managementAgencyId: count == nil ? nil : UUID(),
                    landOwnership: .communal, tenancyAgreement: tenancy ? true : nil, areaSquareMetres: latitude,
                    capacityHouseholds: count, capacityIndividuals: count.map { $0 * 5 },
                    openedOn: opened.map { CalendarDay($0).description }, closedOn: nil, notes: name,
                    populationIndividuals: count, populationHouseholds: count.map { $0 / 5 },
                    populationCountedOn: opened.map { CalendarDay($0).description }, archivedAt: archivedAt,
                    createdAt: archivedAt, updatedAt: archivedAt, areaName: nil, agencyName: nil, agencyAcronym: nil))
            #expect(Self.sameAsEncoded(site) { site.write(to: &$0) })
        }
    }

    @Test func aPageHasItsItemsAndCounts() throws {
        let page = Page(items: [SiteBody](), total: 7, request: PageRequest(limit: 5, offset: 5))
        let body = try #require(page.response().body.buffer)
        #expect(try Self.parsed(Array(buffer: body)) == Self.encoded(page))
    }
}
