import Foundation

/// Charts of severity: a map of sites by their coordinates and bars of people per phase.
extension Charts {
    struct MapPoint {
        var latitude: Double
        var longitude: Double
        var severity: Severity
        var population: Int
        var label: String
    }

    /// Sites drawn where they are, coloured by severity and sized by people, worst drawn last so they
    /// stay visible; under them the outlines of administrative areas, when boundaries were imported.
    static func siteMap(_ points: [MapPoint], outlines: [Outline] = []) -> String {
        let corners =
            points.map { Outline.Point(longitude: $0.longitude, latitude: $0.latitude) }
            + outlines.flatMap { $0.rings.joined() }
        guard let map = MapProjection(corners) else { return "<p>No assessed site has coordinates yet.</p>" }
        var areas = ""
        for outline in outlines {
            areas += "<path class=\"area\" fill-rule=\"evenodd\" d=\"\(map.path(outline))\"/>"
        }
        var circles = ""
        circles.reserveCapacity(points.count * 90)
        for p in points.sorted(by: { ($0.severity, $1.population) < ($1.severity, $0.population) }) {
            let r = Int(min(9, 1.5 + Double(p.population).squareRoot() / 25).rounded())
            circles +=
                "<circle cx=\"\(map.x(p.longitude))\" cy=\"\(map.y(p.latitude))\" r=\"\(r)\" class=\"sev\(p.severity.rawValue)\"><title>\(MarkupText.escaped(p.label)): \(p.severity.rawValue), \(p.population) people</title></circle>"
        }
        return
            "<svg class=\"map\" viewBox=\"0 0 \(Int(map.width)) \(Int(map.height))\" role=\"img\" aria-label=\"Map of sites by severity\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>\(areas)\(circles)</svg>"
    }

    /// Longitude and latitude onto a 560-pixel-wide drawing, north up, the whole of `corners` in view.
    struct MapProjection {
        let width = 560.0, margin = 10.0
        let south: Double, west: Double, scale: Double, height: Double

        init?(_ corners: [Outline.Point]) {
            guard !corners.isEmpty else { return nil }
            south = corners.map(\.latitude).min()!
            west = corners.map(\.longitude).min()!
            let north = corners.map(\.latitude).max()!
            let east = corners.map(\.longitude).max()!
            scale = (width - 2 * margin) / max(east - west, 0.01)
            height = max(120, (north - south) * scale + 2 * margin)
        }

        // Thousands of points: whole numbers and plain interpolation keep this fast (String(format:) is not).
        func x(_ longitude: Double) -> Int { Int((margin + (longitude - west) * scale).rounded()) }
        func y(_ latitude: Double) -> Int { Int((height - margin - (latitude - south) * scale).rounded()) }

        /// An outline as an SVG path.
        func path(_ outline: Outline) -> String {
            outline.rings.map { ring in
                "M" + ring.map { "\(x($0.longitude)) \(y($0.latitude))" }.joined(separator: "L") + "Z"
            }.joined()
        }
    }

    /// Horizontal bars of people per severity phase, labelled with the figures.
    static func severityBars(_ people: [Int]) -> String {
        let total = max(people.reduce(0, +), 1)
        let width = 420.0
        var bars = ""
        for (index, value) in people.enumerated() {
            let y = Double(index) * 26
            let w = Double(value) / Double(total) * (width - 170)
            bars +=
                "<text x=\"0\" y=\"\(y + 14)\">\(index + 1) \(MarkupText.escaped(Severity(rawValue: index + 1)?.label ?? ""))</text>"
                + "<rect x=\"110\" y=\"\(y + 2)\" width=\"\(String(format: "%.1f", w))\" height=\"18\" class=\"sev\(index + 1)\"/>"
                + "<text x=\"\(String(format: "%.1f", 116 + w))\" y=\"\(y + 15)\">\(Format.number(value)) (\(Format.percent(value, of: total)))</text>"
        }
        return "<svg viewBox=\"0 0 \(Int(width)) 132\" role=\"img\" aria-label=\"People by severity\">\(bars)</svg>"
    }
}
