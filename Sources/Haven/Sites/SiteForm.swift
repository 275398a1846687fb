import Foundation

/// Turns the fields of the site form (all text) into a `SiteInput`, naming each field it cannot read.
enum SiteForm {
    static func input(from v: [String: String]) throws -> SiteInput {
        var ids = FieldReader(values: v)
        let adminArea = ids.uuid("adminAreaId")
        let agency = ids.uuid("managementAgencyId")
        var errors = ids.errors
        if adminArea == nil && errors.message(for: "adminAreaId") == nil {
            errors.append(FieldError("adminAreaId", "is required"))
        }
        let (input, problems) = read(v, adminAreaId: adminArea, managementAgencyId: agency, today: .today())
        try HavenError.check(errors + problems)
        return input
    }

    /// Reads a site's text fields (the form, or a row of an import) once the area and agency are known:
    /// every field that cannot be read, then every rule the site breaks, one problem per field.
    static func read(
        _ v: [String: String], adminAreaId: UUID?, managementAgencyId: UUID?,
        today: CalendarDay
    ) -> (input: SiteInput, errors: [FieldError]) {
        var reader = FieldReader(values: v)
        let type = reader.vocabulary("type", SiteType.self)
        let status = reader.vocabulary("status", SiteStatus.self)
        let input = SiteInput(
            code: v["code"]?.trimmed ?? "", name: v["name"]?.trimmed ?? "",
            otherNames: (v["otherNames"] ?? "").split(separator: ";").map { String($0).trimmed },
            type: type ?? .plannedCamp, status: status ?? .open, adminAreaId: adminAreaId ?? UUID(),
            latitude: reader.double("latitude"), longitude: reader.double("longitude"),
            managementAgencyId: managementAgencyId,
            landOwnership: reader.vocabulary("landOwnership", LandOwnership.self) ?? .unknown,
            tenancyAgreement: reader.bool("tenancyAgreement"), areaSquareMetres: reader.double("areaSquareMetres"),
            capacityHouseholds: reader.int("capacityHouseholds"),
            capacityIndividuals: reader.int("capacityIndividuals"),
            openedOn: reader.day("openedOn"), closedOn: reader.day("closedOn"), notes: v["notes"]?.trimmed ?? "",
            statusDate: reader.day("statusDate"))
        var errors = reader.errors
        if v["type"].nonEmpty == nil {
            errors.append(FieldError("type", "is required: use one of \(SiteType.codeList)"))
        }
        if v["status"].nonEmpty == nil {
            errors.append(FieldError("status", "is required: use one of \(SiteStatus.codeList)"))
        }
        let unread = Set(errors.map(\.field))
        return (input, errors + SiteRules.validate(input, today: today).filter { !unread.contains($0.field) })
    }

    static func values(from site: Site) -> [String: String] {
        let s = SiteRegister.input(from: site)
        return [
            "code": s.code, "name": s.name, "otherNames": (s.otherNames ?? []).joined(separator: "; "),
            "type": s.type.rawValue, "status": s.status.rawValue, "adminAreaId": s.adminAreaId.uuidString,
            "latitude": s.latitude.map { String($0) } ?? "", "longitude": s.longitude.map { String($0) } ?? "",
            "managementAgencyId": s.managementAgencyId?.uuidString ?? "", "landOwnership": site.landOwnership.rawValue,
            "tenancyAgreement": s.tenancyAgreement.map { $0 ? "yes" : "no" } ?? "",
            "areaSquareMetres": s.areaSquareMetres.map { String($0) } ?? "",
            "capacityHouseholds": s.capacityHouseholds.map(String.init) ?? "",
            "capacityIndividuals": s.capacityIndividuals.map(String.init) ?? "",
            "openedOn": s.openedOn?.description ?? "", "closedOn": s.closedOn?.description ?? "", "notes": site.notes,
        ]
    }
}

/// Reads typed values out of text fields (a form, a CSV row), collecting a clear error per unreadable field.
struct FieldReader {
    let values: [String: String]
    private(set) var errors: [FieldError] = []

    init(values: [String: String]) {
        self.values = values
    }

    private func text(_ field: String) -> String? {
        values[field].nonEmpty
    }

    mutating func double(_ field: String) -> Double? {
        guard let raw = text(field) else { return nil }
        guard let value = Double(raw.replacingOccurrences(of: ",", with: "")), value.isFinite else {
            errors.append(FieldError(field, "'\(raw)' is not a number"))
            return nil
        }
        return value
    }

    mutating func int(_ field: String) -> Int? {
        guard let raw = text(field) else { return nil }
        guard let value = Int(raw.replacingOccurrences(of: ",", with: "")) else {
            errors.append(FieldError(field, "'\(raw)' is not a whole number"))
            return nil
        }
        return value
    }

    mutating func bool(_ field: String) -> Bool? {
        guard let raw = text(field)?.lowercased() else { return nil }
        switch raw {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default:
            errors.append(FieldError(field, "'\(raw)' is not yes or no"))
            return nil
        }
    }

    mutating func day(_ field: String) -> CalendarDay? {
        guard let raw = text(field) else { return nil }
        guard let day = CalendarDay(raw) else {
            errors.append(FieldError(field, "'\(raw)' is not a date in the form yyyy-mm-dd"))
            return nil
        }
        return day
    }

    mutating func uuid(_ field: String) -> UUID? {
        guard let raw = text(field) else { return nil }
        guard let id = UUID(uuidString: raw) else {
            errors.append(FieldError(field, "is not a known choice"))
            return nil
        }
        return id
    }

    mutating func vocabulary<V: Vocabulary>(_ field: String, _ type: V.Type) -> V? {
        guard let raw = text(field) else { return nil }
        guard let value = V(loose: raw) else {
            errors.append(FieldError(field, "'\(raw)' is not one of \(V.codeList)"))
            return nil
        }
        return value
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field, message))
    }
}
