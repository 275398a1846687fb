import Fluent
import Foundation
import PropertyBased
import Testing
import Vapor
import VaporTesting

@testable import Haven

@Suite struct OutlineTests {
    typealias Point = Outline.Point

    @Test func pointsOnAStraightEdgeGoAndCornersStay() {
        let edge = (0...100).map { Point(longitude: Double($0) / 100, latitude: 0) }
        let square =
            edge + [
                Point(longitude: 1, latitude: 1), Point(longitude: 0, latitude: 1), Point(longitude: 0, latitude: 0),
            ]
        #expect(
            Outline.simplify(square, tolerance: 0.001) == [
                Point(longitude: 0, latitude: 0), Point(longitude: 1, latitude: 0), Point(longitude: 1, latitude: 1),
                Point(longitude: 0, latitude: 1), Point(longitude: 0, latitude: 0),
            ])
    }

    @Test func ringsTooSmallToDrawAreDropped() {
        let speck = [
            Point(longitude: 0, latitude: 0), Point(longitude: 0.0001, latitude: 0),
            Point(longitude: 0, latitude: 0.0001),
            Point(longitude: 0.00005, latitude: 0.00005), Point(longitude: 0, latitude: 0),
        ]
        let big = [
            Point(longitude: 0, latitude: 0), Point(longitude: 1, latitude: 0), Point(longitude: 1, latitude: 1),
            Point(longitude: 0, latitude: 0),
        ]
        #expect(Outline(rings: [speck, big]).simplified().rings == [big])
    }

    @Test func everyDroppedPointLiesWithinToleranceOfTheSimplifiedLine() async {
        let walk = Gen.double(in: -0.01...0.01).array(of: 4...200)
        await propertyCheck(input: walk) { steps in
            var points = [Point(longitude: 0, latitude: 0)]
            for (index, step) in steps.enumerated() {
                let last = points[points.count - 1]
                points.append(
                    Point(longitude: last.longitude + 0.003, latitude: last.latitude + step * Double(index % 3)))
            }
            let kept = Outline.simplify(points, tolerance: 0.002)
            #expect(kept.first == points.first && kept.last == points.last)
            var k = 0
            for point in points {
                if point == kept[k] {
                    if k < kept.count - 1 { k += 1 }
                    continue
                }
                #expect(Outline.distance(point, fromLine: kept[k - 1], kept[k]) <= 0.002 + 1e-12)
            }
        }
    }
}

@Suite struct BoundaryImportTests {
    static func feature(_ properties: String, _ geometry: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(geometry)}"
    }

    static let square = "{\"type\":\"Polygon\",\"coordinates\":[[[30,1],[32,1],[32,3],[30,3],[30,1]]]}"
    static let two =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[33,1],[34,1],[34,2],[33,1]]],[[[35,1],[36,1],[36,2],[35,1]]]]}"

    static func collection(_ features: String...) -> Data {
        Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
    }

    @Test func theMostDetailedPcodePropertyNamesTheArea() {
        #expect(BoundaryImport.pcode(["ADM0_PCODE": "BO", "ADM1_PCODE": "bo01 ", "ADM1_EN": "North"]) == "BO01")
        #expect(BoundaryImport.pcode(["pcode": "BO02"]) == "BO02")
        #expect(BoundaryImport.pcode(["name": "North", "adm2_pcode": ""]) == nil)
    }

    @Test func outlinesAreMatchedByPcodeAuditedAndDrawnOnTheMap() async throws {
        try await withHaven { app in
            let world = try await World.make(on: app)
            let file = Self.collection(
                Self.feature("\"ADM0_PCODE\":\"BO\",\"ADM1_PCODE\":\"BO01\"", Self.square),
                Self.feature("\"adm1_pcode\":\"BO02\",\"area_km2\":12.5", Self.two))
            let plan = try await BoundaryImport.plan(file, on: app.db)
            #expect(plan.problems.isEmpty && plan.outlines.map(\.area.pcode) == ["BO01", "BO02"])
            #expect(try await BoundaryImport.commit(plan, by: .commandLine("test"), on: app.db) == .init(added: 2))
            let again = try await BoundaryImport.commit(plan, by: .commandLine("test"), on: app.db)
            #expect(again == .init(unchanged: 2))
            let south = try #require(try await AreaBoundary.query(on: app.db).filter(\.$pcode == "BO02").first())
            #expect(south.outline.rings.count == 2 && south.$area.id == world.south.id)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == AreaBoundary.auditEntity).all()
            #expect(
                trail.count == 2
                    && trail.allSatisfy {
                        $0.changes.contains {
                            $0.field == "outline" && $0.after?.hasPrefix("1 rings, 5 points") == true
                                || $0.after?.hasPrefix("2 rings, 8 points") == true
                        }
                    })

            let outlines = try await MonitoringDashboardQuery.outlines(around: nil, on: app.db)
            #expect(outlines.count == 2, "the country's first level when no area is chosen")
            #expect(try await MonitoringDashboardQuery.outlines(around: "BO02", on: app.db).map(\.rings.count) == [2])
            let map = Charts.siteMap([], outlines: outlines)
            #expect(map.components(separatedBy: "<path class=\"area\"").count == 3 && map.contains("M10 "))
        }
    }

    @Test func aFileWithAnyUnknownAreaIsRefusedWholeWithEachFeatureNamed() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let file = Self.collection(
                Self.feature("\"ADM1_PCODE\":\"BO01\"", Self.square),
                Self.feature("\"ADM1_PCODE\":\"XX09\"", Self.square),
                Self.feature("\"name\":\"nowhere\"", Self.square),
                Self.feature("\"pcode\":\"BO02\"", "{\"type\":\"Point\",\"coordinates\":[31,2]}"))
            let plan = try await BoundaryImport.plan(file, on: app.db)
            #expect(
                plan.problems == [
                    "Feature 2: XX09 is not an area of the gazetteer (import the areas first)",
                    "Feature 3: no P-code property (adm1_pcode … adm5_pcode or pcode)",
                    "Feature 4 (BO02): the geometry is not a Polygon or MultiPolygon",
                ])
            await #expect(throws: HavenError.self) {
                _ = try await BoundaryImport.commit(plan, by: .commandLine("test"), on: app.db)
            }
            #expect(try await AreaBoundary.query(on: app.db).count() == 0)
            await #expect(throws: HavenError.self) {
                _ = try await BoundaryImport.plan(Data("{\"features\": 3}".utf8), on: app.db)
            }
        }
    }

    @Test func coordinatorsUploadBoundariesInTheBrowserAndViewersCannot() async throws {
        try await withHaven { app in
            _ = try await World.make(on: app)
            let geojson = String(
                decoding: Self.collection(Self.feature("\"ADM1_PCODE\":\"BO01\"", Self.square)), as: UTF8.self)
            for (email, status, text) in [
                ("viewer@test.haven", HTTPStatus.forbidden, "does not allow you to change administrative areas"),
                ("coordinator@test.haven", .ok, "1 outlines added"),
            ] {
                let (cookie, csrf) = try await WebPageTests().login(app, as: email)
                let boundary = "haven-boundary"
                let body =
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"adm1.geojson\"\r\nContent-Type: application/geo+json\r\n\r\n\(geojson)\r\n--\(boundary)--\r\n"
                let response = try await app.testing().sendRequest(
                    .POST, Paths.importBoundaries.link(),
                    headers: [
                        "cookie": cookie, "content-type": "multipart/form-data; boundary=\(boundary)",
                    ], body: ByteBuffer(string: body))
                #expect(response.status == status && response.text.contains(text))
            }
            #expect(try await AreaBoundary.query(on: app.db).count() == 1)
        }
    }
}
