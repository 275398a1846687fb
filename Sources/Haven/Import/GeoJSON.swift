import Foundation

/// The part of GeoJSON (RFC 7946) that boundary files use: features with properties and a
/// Polygon or MultiPolygon geometry.
struct GeoJSONFeatures: Decodable {
    struct Feature: Decodable {
        var properties: [String: Scalar]?
        var geometry: Geometry?
    }

    /// A property value as text, whatever JSON type it came as.
    struct Scalar: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                text = nil
            } else if let string = try? value.decode(String.self) {
                text = string
            } else if let number = try? value.decode(Double.self) {
                text = SheetReader.number(number)
            } else if let flag = try? value.decode(Bool.self) {
                text = String(flag)
            } else {
                text = nil
            }
        }
    }

    struct Geometry: Decodable {
        /// Every ring of every polygon; nil for geometry types that have no area.
        var rings: [[Outline.Point]]?

        private enum Keys: String, CodingKey { case type, coordinates }

        init(from decoder: any Decoder) throws {
            let object = try decoder.container(keyedBy: Keys.self)
            switch try object.decode(String.self, forKey: .type) {
            case "Polygon": rings = try object.decode([[[Double]]].self, forKey: .coordinates).map(Self.ring)
            case "MultiPolygon":
                rings = try object.decode([[[[Double]]]].self, forKey: .coordinates).flatMap { $0.map(Self.ring) }
            default: rings = nil
            }
        }

        private static func ring(_ positions: [[Double]]) -> [Outline.Point] {
            positions.filter { $0.count >= 2 }.map { Outline.Point(longitude: $0[0], latitude: $0[1]) }
        }
    }

    var features: [Feature]

    static func read(_ data: Data) throws -> GeoJSONFeatures {
        do {
            return try JSONDecoder().decode(GeoJSONFeatures.self, from: data)
        } catch let error as DecodingError {
            throw HavenError.badRequest(
                "The file is not a GeoJSON FeatureCollection of polygons: \(error.plainReason).")
        }
    }
}

extension DecodingError {
    /// What went wrong and where, in words a person can act on.
    var plainReason: String {
        let (context, what): (Context, String) =
            switch self {
            case .dataCorrupted(let c): (c, "the JSON is malformed")
            case .keyNotFound(let key, let c): (c, "'\(key.stringValue)' is missing")
            case .typeMismatch(_, let c): (c, "a value has the wrong type")
            case .valueNotFound(_, let c): (c, "a value is missing")
            @unknown default: (Context(codingPath: [], debugDescription: ""), "it cannot be read")
            }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "\(what) at \(path)"
    }
}
