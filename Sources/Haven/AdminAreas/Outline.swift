import Foundation

/// An area's outline as the dashboard map draws it: rings of longitude/latitude points, simplified.
/// Holes are kept as rings too; the map fills with the even-odd rule, so they stay holes.
public struct Outline: Equatable, Sendable, Codable {
    public struct Point: Equatable, Sendable, Codable {
        public var longitude: Double
        public var latitude: Double

        public init(longitude: Double, latitude: Double) {
            self.longitude = longitude
            self.latitude = latitude
        }
    }

    public var rings: [[Point]]

    public init(rings: [[Point]]) {
        self.rings = rings
    }

    public var pointCount: Int { rings.reduce(0) { $0 + $1.count } }

    /// Boundaries from a gazetteer have far more detail than a 560-pixel map shows, and every point
    /// travels to a phone on a slow link. Points closer than `tolerance` degrees to the line
    /// (about 200 m at 0.002) are dropped; rings that shrink below a triangle go.
    public func simplified(tolerance: Double = 0.002) -> Outline {
        Outline(rings: rings.map { Self.simplify($0, tolerance: tolerance) }.filter { $0.count >= 4 })
    }

    /// Ramer-Douglas-Peucker, without recursion (a country's coastline has hundreds of thousands of points).
    static func simplify(_ ring: [Point], tolerance: Double) -> [Point] {
        guard ring.count > 3 else { return ring }
        var keep = Array(repeating: false, count: ring.count)
        keep[0] = true
        keep[ring.count - 1] = true
        var spans = [(0, ring.count - 1)]
        while let (first, last) = spans.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first
            var distance = 0.0
            for index in first + 1..<last {
                let d = Self.distance(ring[index], fromLine: ring[first], ring[last])
                if d > distance {
                    farthest = index
                    distance = d
                }
            }
            if distance > tolerance {
                keep[farthest] = true
                spans.append((first, farthest))
                spans.append((farthest, last))
            }
        }
        return ring.indices.filter { keep[$0] }.map { ring[$0] }
    }

    /// Distance from a point to the segment between two others, in degrees.
    static func distance(_ p: Point, fromLine a: Point, _ b: Point) -> Double {
        let dx = b.longitude - a.longitude
        let dy = b.latitude - a.latitude
        let length = dx * dx + dy * dy
        guard length > 0 else { return hypot(p.longitude - a.longitude, p.latitude - a.latitude) }
        let t = max(0, min(1, ((p.longitude - a.longitude) * dx + (p.latitude - a.latitude) * dy) / length))
        return hypot(p.longitude - (a.longitude + t * dx), p.latitude - (a.latitude + t * dy))
    }
}
