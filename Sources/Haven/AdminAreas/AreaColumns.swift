/// The P-code columns of the files people exchange (`adm1_pcode` … `adm4_pcode`, HXL `#adm1+code` …): a row's
/// area is the lowest level filled in.
enum AreaColumns {
    static let levels = 1...4

    /// From the lowest level up, so that the first filled is the row's area.
    static let fields: [ImportField] = levels.reversed().map {
        ImportField(
            name: "adm\($0)Pcode", headers: ["adm\($0)_pcode", "adm\($0) pcode", "admin\($0)pcode", "adm\($0)_code"],
            hashtag: "#adm\($0)+code")
    }

    /// The P-code of the lowest level filled in, else what the single `fallback` column (an older "admin_pcode")
    /// holds; upper case, as the gazetteer keeps them.
    static func pcode(_ values: [String: String], fallback: String) -> String? {
        (fields.map(\.name) + [fallback]).lazy.compactMap { values[$0].nonEmpty }.first?.uppercased()
    }

    static func found(in columns: [String: Int]) -> Bool { fields.contains { columns[$0.name] != nil } }
}
