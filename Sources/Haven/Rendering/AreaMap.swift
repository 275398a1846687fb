import Foundation

/// A map of areas shaded by a count (organisations present, say): darker is more.
extension Charts {
    struct ShadedArea {
        var outline: Outline
        var label: String
        var value: Int
    }

    static func areaMap(_ areas: [ShadedArea], title: String) -> String {
        guard let map = MapProjection(areas.flatMap { $0.outline.rings.joined() }) else {
            return "<p>No boundaries imported for these areas yet.</p>"
        }
        let largest = max(areas.map(\.value).max() ?? 1, 1)
        var paths = ""
        for area in areas {
            // Five shades; none for areas where nobody works, so those stand out.
            let shade = area.value == 0 ? 0 : 1 + (area.value - 1) * 4 / largest
            paths +=
                "<path class=\"shade\(shade)\" fill-rule=\"evenodd\" d=\"\(map.path(area.outline))\"><title>\(MarkupText.escaped(area.label)): \(area.value)</title></path>"
        }
        return
            "<svg class=\"map areas\" viewBox=\"0 0 \(Int(map.width)) \(Int(map.height))\" role=\"img\" aria-label=\"\(MarkupText.escaped(title))\">"
            + "<title>\(MarkupText.escaped(title))</title><rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>\(paths)</svg>"
    }
}
