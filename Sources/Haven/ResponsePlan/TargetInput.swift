import Foundation

/// A response plan target as a coordinator sets it, through the API or the progress page.
public struct TargetInput: Codable, Equatable, Sendable {
    /// A response sector code (`WASH`, `Shelter`, …).
    public var sector: String
    /// An activity code of that sector, for a target of one activity; absent for the whole sector.
    public var activity: String?
    /// A P-code; absent for the whole operation.
    public var adminArea: String?
    /// The plan's wording of the indicator: "People reached with hygiene kits".
    public var indicator: String?
    public var fromMonth: ReportingMonth
    public var toMonth: ReportingMonth
    public var people: Int
    public var comment: String?
}

/// The rules a target must meet, over what the operation knows (sectors, activities, areas).
enum TargetRules {
    struct Known {
        /// Activity code (upper case) to its sector.
        var activities: [String: String]
        var pcodes: Set<String>
    }

    static func check(_ t: TargetInput, known: Known) -> [FieldError] {
        var errors: [FieldError] = []
        let sector = ResponseSector.named(t.sector)
        if sector == nil {
            errors.append(
                FieldError(
                    "sector",
                    "'\(t.sector)' is not a sector of the response; use one of \(ResponseSector.all.map(\.code).joined(separator: ", "))"
                ))
        }
        if let code = t.activity?.trimmed.uppercased(), !code.isEmpty {
            switch known.activities[code] {
            case nil: errors.append(FieldError("activity", "'\(code)' is not an activity of the catalogue"))
            case let other? where sector != nil && other != sector!.code:
                errors.append(FieldError("activity", "\(code) belongs to \(other), not \(sector!.code)"))
            default: break
            }
        }
        if let pcode = t.adminArea?.trimmed.uppercased(), !pcode.isEmpty, !known.pcodes.contains(pcode) {
            errors.append(FieldError("adminArea", "'\(pcode)' is not a P-code of the gazetteer"))
        }
        errors += TextRules.problems([("indicator", t.indicator, .line), ("comment", t.comment, .note)])
        if t.toMonth < t.fromMonth { errors.append(FieldError("toMonth", "\(t.toMonth) is before \(t.fromMonth)")) }
        if t.people <= 0 || t.people > Counts.largest {
            errors.append(FieldError("people", "must be between 1 and 100,000,000"))
        }
        return errors
    }
}
