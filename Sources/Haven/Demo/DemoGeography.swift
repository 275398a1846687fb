/// The fictional country of the demo: Bora (P-code BO), with provinces, districts and sub-districts
/// that tile a rectangle of East Africa's latitudes, so that every site can be placed inside its area.
struct DemoGeography {
    struct Box: Equatable {
        var south: Double, north: Double, west: Double, east: Double

        func contains(latitude: Double, longitude: Double) -> Bool {
            (south...north).contains(latitude) && (west...east).contains(longitude)
        }

        /// The box as a boundary, corner to corner.
        var outline: Outline {
            let corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
            return Outline(rings: [corners.map { Outline.Point(longitude: $0.0, latitude: $0.1) }])
        }

        /// Splits the box into a grid of `count` cells, row by row.
        func split(_ count: Int) -> [Box] {
            let columns = Int(Double(count).squareRoot().rounded(.up))
            let rows = (count + columns - 1) / columns
            return (0..<count).map { index in
                let row = index / columns
                let column = index % columns
                let height = (north - south) / Double(rows)
                let width = (east - west) / Double(columns)
                return Box(
                    south: south + Double(row) * height, north: south + Double(row + 1) * height,
                    west: west + Double(column) * width, east: west + Double(column + 1) * width)
            }
        }
    }

    struct Area {
        var pcode: String
        var name: String
        var level: Int
        var parentPcode: String?
        var box: Box
    }

    static let country = Area(
        pcode: "BO", name: "Bora", level: 0, parentPcode: nil,
        box: Box(south: 1.0, north: 9.0, west: 30.0, east: 40.0))
    static let provinces = [
        "Northern Highlands", "Lake Ameru", "Eastern Plains", "Sadun", "Kivari Coast", "Western Valleys",
    ]
    private static let syllables = [
        "ka", "mo", "ru", "tan", "di", "lo", "se", "ba", "nu", "wa", "ri", "go", "me", "ha", "zu", "li",
    ]

    /// Every area, parents before children.
    static func areas(using random: inout SeededRandom) -> [Area] {
        var result = [country]
        for (p, (provinceName, provinceBox)) in zip(provinces, country.box.split(provinces.count)).enumerated() {
            let province = Area(
                pcode: "BO\(twoDigits(p + 1))", name: provinceName, level: 1, parentPcode: "BO", box: provinceBox)
            result.append(province)
            let districtCount = random.int(4...6)
            for (d, districtBox) in province.box.split(districtCount).enumerated() {
                let district = Area(
                    pcode: province.pcode + twoDigits(d + 1), name: placeName(using: &random), level: 2,
                    parentPcode: province.pcode, box: districtBox)
                result.append(district)
                let subCount = random.int(3...5)
                for (s, subBox) in district.box.split(subCount).enumerated() {
                    result.append(
                        Area(
                            pcode: district.pcode + twoDigits(s + 1), name: placeName(using: &random), level: 3,
                            parentPcode: district.pcode, box: subBox))
                }
            }
        }
        return result
    }

    static func placeName(using random: inout SeededRandom) -> String {
        let name = (0..<random.int(2...3)).map { _ in random.pick(syllables) }.joined()
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
