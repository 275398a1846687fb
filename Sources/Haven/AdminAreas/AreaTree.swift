import Fluent
import Foundation
import SQLKit

/// Every area with its parent, read once as plain rows, to name an area and the areas above it in exports and
/// pages that show many.
struct AreaTree: Sendable {
    struct Area: Sendable {
        var pcode: String
        var name: String
        var level: Int
        var parent: UUID?
    }

    private(set) var areas: [UUID: Area] = [:]
    /// Area names by P-code.
    private(set) var names: [String: String] = [:]

    static func load(on db: any Database) async throws -> AreaTree {
        struct Row: Decodable {
            var id: UUID
            var pcode: String
            var name: String
            var level: Int
            var parentID: UUID?
        }
        var tree = AreaTree()
        for row in try await db.sql.raw(
            "SELECT id, pcode, name, level, parent_id AS \"parentID\" FROM \(ident: AdminArea.schema)"
        ).all(decoding: Row.self) {
            tree.areas[row.id] = Area(pcode: row.pcode, name: row.name, level: row.level, parent: row.parentID)
            tree.names[row.pcode] = row.name
        }
        return tree
    }

    subscript(id: UUID) -> Area? { areas[id] }

    /// The area and those above it, nearest first; at most `AdminAreaRules`' depth, whatever the stored parents.
    func upward(from id: UUID) -> [Area] {
        var found: [Area] = []
        var current = areas[id]
        while let area = current, found.count <= 10 {
            found.append(area)
            current = area.parent.flatMap { areas[$0] }
        }
        return found
    }

    /// The id of the area at `level` on the way up from the area (or the area itself).
    func ancestor(of id: UUID, atLevel level: Int) -> UUID? {
        var current: UUID? = id
        for _ in 0...10 {
            guard let here = current, let area = areas[here] else { return nil }
            if area.level == level { return here }
            current = area.parent
        }
        return nil
    }

    /// The area at `level` on the way up from the area (or the area itself).
    func area(_ id: UUID, level: Int) -> (pcode: String, name: String)? {
        upward(from: id).first { $0.level == level }.map { ($0.pcode, $0.name) }
    }

    /// The P-codes from the country down to the area.
    func path(_ id: UUID) -> [String] { upward(from: id).reversed().map(\.pcode) }
}

extension AreaTree {
    /// Export columns naming a row's areas from the top, P-code and name at each of `levels`, in the shape the
    /// site and 5W imports read back (`adm1_pcode`, `#adm1+code` …).
    static func columns<Row>(
        levels: ClosedRange<Int>, _ place: @escaping @Sendable (Row) -> (tree: AreaTree, area: UUID?)
    ) -> [ExportTable<Row>.Column] {
        levels.flatMap { level in
            [
                ExportTable<Row>.Column("adm\(level)_pcode", "#adm\(level)+code") { row in
                    let (tree, area) = place(row)
                    return area.flatMap { tree.area($0, level: level)?.pcode } ?? ""
                },
                ExportTable<Row>.Column("adm\(level)_name", "#adm\(level)+name") { row in
                    let (tree, area) = place(row)
                    return area.flatMap { tree.area($0, level: level)?.name } ?? ""
                },
            ]
        }
    }
}
