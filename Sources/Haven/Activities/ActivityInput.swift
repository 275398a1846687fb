import Foundation

public enum ActivityStatus: String, Codable, CaseIterable, Sendable, Vocabulary {
    case planned, ongoing, completed, cancelled

    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Also the words of HXL's #status (active, complete, canceled).
    init?(reported text: String) {
        let synonyms = ["active": "ongoing", "complete": "completed", "canceled": "cancelled"]
        let word = text.trimmed.lowercased()
        self.init(loose: synonyms[word] ?? word)
    }

    /// Whether people can count on the activity being there: what gap analysis looks for.
    var isUnderway: Bool { self == .planned || self == .ongoing }
}

public enum Modality: String, Codable, CaseIterable, Sendable, Vocabulary {
    case inKind = "in_kind"
    case cash, service

    var label: String { self == .inKind ? "In kind" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One line of a 5W report as a partner sends it, whichever way it arrives.
public struct ActivityInput: Codable, Equatable, Sendable {
    public var reportingOrganisationId: UUID
    public var implementingOrganisationId: UUID?
    public var donorOrganisationId: UUID?
    /// The code of an activity of the catalogue.
    public var activity: String
    /// Where: a site, or an administrative area (by P-code) for work outside sites.
    public var siteId: UUID?
    public var adminArea: String?
    public var status: ActivityStatus
    public var startOn: CalendarDay
    public var endOn: CalendarDay?
    public var month: ReportingMonth
    public var modality: Modality
    public var targeted: People?
    public var reached: People?
    public var householdsTargeted: Int?
    public var householdsReached: Int?
    public var comment: String?
}

/// The rules every 5W line must meet. Errors refuse it; warnings are shown and accepted.
enum ActivityRules {
    struct Findings: Equatable {
        var errors: [FieldError] = []
        var warnings: [FieldError] = []
    }

    static func check(_ a: ActivityInput, currentMonth: ReportingMonth) -> Findings {
        var found = Findings()
        found.errors += TextRules.problems([("comment", a.comment, .note)])
        func refuse(_ field: String, _ why: String) { found.errors.append(FieldError(field, why)) }
        if a.month > currentMonth { refuse("month", "\(a.month) has not happened yet; report a month that has begun") }
        if a.siteId == nil && (a.adminArea ?? "").trimmed.isEmpty {
            refuse("siteId", "say where: a site, or an admin area for work outside sites")
        }
        if a.siteId != nil && !(a.adminArea ?? "").trimmed.isEmpty {
            refuse("adminArea", "give a site or an admin area, not both")
        }
        if let end = a.endOn, end < a.startOn { refuse("endOn", "\(end) is before the start on \(a.startOn)") }
        if a.status != .planned && a.startOn > a.month.lastDay {
            refuse(
                "startOn",
                "\(a.startOn) is after \(a.month); an activity reported as \(a.status.rawValue) must have started by then"
            )
        }
        if let end = a.endOn, end < a.month.firstDay, a.status != .cancelled {
            refuse("endOn", "\(end) is before \(a.month); report the activity in the months it ran")
        }
        if a.status == .completed && a.endOn == nil { refuse("endOn", "is required for a completed activity") }
        if a.status == .planned, (a.reached?.total ?? 0) > 0 {
            refuse("reached.total", "a planned activity has reached nobody yet")
        }
        for (name, people, households) in [
            ("targeted", a.targeted, a.householdsTargeted), ("reached", a.reached, a.householdsReached),
        ] {
            found.errors += peopleErrors(people, households: households, prefix: name)
        }
        if let reached = a.reached?.total, let targeted = a.targeted?.total, reached > targeted {
            found.warnings.append(
                FieldError("reached.total", "\(reached) reached is more than the \(targeted) targeted"))
        }
        return found
    }

    private static func peopleErrors(_ people: People?, households: Int?, prefix: String) -> [FieldError] {
        var errors: [FieldError] = []
        let householdField = "households" + prefix.prefix(1).uppercased() + prefix.dropFirst()
        if let households, let problem = Counts.problem(households) {
            errors.append(FieldError(householdField, problem))
        }
        guard let people else { return errors }
        let fields = PopulationFigures.cellFields.map { "\(prefix).\($0)" }
        guard people.female.count == 5, people.male.count == 5 else {
            return errors + [FieldError(prefix, "needs five age brackets per sex (0-4, 5-11, 12-17, 18-59, 60+)")]
        }
        let outOfBounds = zip(["\(prefix).total"] + fields, [people.total] + people.cells)
            .compactMap { field, value in value.flatMap(Counts.problem).map { FieldError(field, $0) } }
        errors += outOfBounds
        if outOfBounds.isEmpty {
            errors += SexAgeBreakdown.errors(
                people.cells, total: people.total, totalField: "\(prefix).total", noun: "people",
                remedy: "correct the cells or the total")
        }
        if let households, households > people.total, outOfBounds.isEmpty {
            errors.append(
                FieldError(householdField, "\(households) households is more than the \(people.total) people"))
        }
        return errors
    }
}
