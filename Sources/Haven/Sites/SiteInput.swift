import Foundation
import Vapor

/// The part of a site a person or client writes: the API body, the web form and an import row all become one.
struct SiteInput: Content, Equatable {
    var code: String
    var name: String
    var otherNames: [String]?
    var type: SiteType
    var status: SiteStatus
    var adminAreaId: UUID
    var latitude: Double?
    var longitude: Double?
    var managementAgencyId: UUID?
    var landOwnership: LandOwnership?
    var tenancyAgreement: Bool?
    var areaSquareMetres: Double?
    var capacityHouseholds: Int?
    var capacityIndividuals: Int?
    var openedOn: CalendarDay?
    var closedOn: CalendarDay?
    var notes: String?
    /// The day a change of status took effect; today when not given.
    var statusDate: CalendarDay?
}

/// The rules of a sound site profile, as a plain function over values.
enum SiteRules {
    static func validate(_ s: SiteInput, today: CalendarDay) -> [FieldError] {
        var errors: [FieldError] = []
        if let problem = codeProblem(s.code) { errors.append(FieldError("code", problem)) }
        if s.name.trimmed.isEmpty { errors.append(FieldError("name", "is required")) }
        errors += TextRules.problems(
            [("name", s.name.trimmed, .name), ("notes", s.notes, .note)]
                + (s.otherNames ?? []).map { ("otherNames", $0.trimmed, .name) })
        errors += coordinateErrors(latitude: s.latitude, longitude: s.longitude)
        for (field, value) in [
            ("areaSquareMetres", s.areaSquareMetres), ("capacityHouseholds", s.capacityHouseholds.map(Double.init)),
            ("capacityIndividuals", s.capacityIndividuals.map(Double.init)),
        ] {
            if let problem = value.flatMap(Counts.problem) { errors.append(FieldError(field, problem)) }
        }
        if let households = s.capacityHouseholds, let individuals = s.capacityIndividuals, individuals >= 0,
            households > individuals
        {
            errors.append(
                FieldError(
                    "capacityHouseholds",
                    "\(households) households is more than the capacity of \(individuals) individuals"))
        }
        errors += dateErrors(s, today: today)
        return errors
    }

    static func codeProblem(_ code: String) -> String? {
        if code.isEmpty { return "is required" }
        if code.count > 40 { return "is longer than 40 characters" }
        let allowed = code.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_"
        }
        return allowed ? nil : "may hold only letters, digits, - and _ (e.g. BO0101_0001)"
    }

    static func coordinateErrors(latitude: Double?, longitude: Double?) -> [FieldError] {
        switch (latitude, longitude) {
        case (nil, nil):
            return []
        case (.some, nil):
            return [FieldError("longitude", "is required when a latitude is given")]
        case (nil, .some):
            return [FieldError("latitude", "is required when a longitude is given")]
        case (.some(let lat), .some(let lon)):
            var errors: [FieldError] = []
            if !(-90...90).contains(lat) || !lat.isFinite {
                errors.append(FieldError("latitude", "must be between -90 and 90 degrees"))
            }
            if !(-180...180).contains(lon) || !lon.isFinite {
                errors.append(FieldError("longitude", "must be between -180 and 180 degrees"))
            }
            if lat == 0 && lon == 0 {
                errors.append(
                    FieldError("latitude", "0, 0 is in the Gulf of Guinea: the GPS reading is probably missing"))
            }
            return errors
        }
    }

    private static func dateErrors(_ s: SiteInput, today: CalendarDay) -> [FieldError] {
        var errors: [FieldError] = []
        if let opened = s.openedOn, opened > today { errors.append(FieldError("openedOn", "is in the future")) }
        if let closed = s.closedOn {
            if closed > today { errors.append(FieldError("closedOn", "is in the future")) }
            if let opened = s.openedOn, closed < opened {
                errors.append(FieldError("closedOn", "is before the opening date \(opened)"))
            }
            if s.status != .closed { errors.append(FieldError("closedOn", "only a closed site has a closing date")) }
        } else if s.status == .closed {
            errors.append(FieldError("closedOn", "is required for a closed site"))
        }
        if let day = s.statusDate, day > today { errors.append(FieldError("statusDate", "is in the future")) }
        return errors
    }
}
