import Fluent

/// A part of the monthly situation report that a capability drafts from its own data. Each capability brings its
/// section and takes one line in `ReportSections.all`, as it does for the site's page.
protocol ReportSection: Sendable {
    /// The section for a month, with its figures and its first wording, which the IM officer then edits.
    static func draft(_ month: ReportingMonth, _ context: ReportContext) async throws -> ReportPart
}

/// What every section may need besides the month.
struct ReportContext: Sendable {
    var db: any Database
    /// Counts of people's feedback below this are not shown.
    var smallCellThreshold: Int
    /// What several sections read (each site as it stood at a month's end …), read once per draft.
    var memo = ReportMemo()

    init(db: any Database, smallCellThreshold: Int) {
        self.db = db
        self.smallCellThreshold = smallCellThreshold
    }
}

/// Values read once per draft and shared by the sections that need them, by key.
actor ReportMemo {
    private var values: [String: any Sendable] = [:]

    func value<T: Sendable>(_ key: String, _ make: @Sendable () async throws -> T) async throws -> T {
        if let value = values[key] as? T { return value }
        let value = try await make()
        values[key] = value
        return value
    }
}

/// One section as drafted: its heading, the figures it rests on (kept with the report, so a published report
/// keeps the figures it was written from) and its Markdown.
struct ReportPart: Codable, Sendable, Equatable {
    var title: String
    var figures: [ReportFigure]
    var markdown: String
}

/// A figure of the month beside the month before; nil where it is unknown or too small to show.
struct ReportFigure: Codable, Sendable, Equatable {
    var key: String
    var label: String
    var value: Int?
    var previous: Int?
    /// "%" for a share in percent; nil for a count.
    var unit: String?

    init(_ key: String, _ label: String, _ value: Int?, previous: Int? = nil, unit: String? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.previous = previous
        self.unit = unit
    }

    /// The change from the month before, as people write it: "+120", "-3", "0"; empty when either is unknown.
    var change: String {
        guard let value, let previous else { return "" }
        let (difference, overflow) = value.subtractingReportingOverflow(previous)
        guard !overflow else { return "" }
        let text = Format.number(difference) + (unit ?? "")
        return difference > 0 ? "+" + text : text
    }

    var shown: String { value.map { Format.number($0) + (unit ?? "") } ?? "–" }
    var shownPrevious: String { previous.map { Format.number($0) + (unit ?? "") } ?? "–" }
}
