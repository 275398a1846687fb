import Fluent
import Foundation
import Vapor

/// The OData feed of submissions (`…/forms/{form}.svc/Submissions`) with `$top`, `$skip`, `$count` and a
/// `$filter` over the fields Central allows: `__id`, `__system/submissionDate`, `__system/submitterId`.
enum RoundODataFeed {
    struct Clause: Equatable {
        enum Field: String {
            case id = "__id"
            case submissionDate = "__system/submissionDate"
            case submitterId = "__system/submitterId"
        }
        enum Operator: String { case eq, ne, gt, ge, lt, le }
        var field: Field
        var op: Operator
        var value: String
    }

    /// `__system/submissionDate ge 2025-01-01 and __id eq 'uuid:…'`, one clause per `and`.
    static func parse(_ filter: String) throws -> [Clause] {
        try filter.components(separatedBy: " and ").map { text in
            let parts = text.trimmed.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3, let field = Clause.Field(rawValue: parts[0]),
                let op = Clause.Operator(rawValue: parts[1].lowercased())
            else {
                throw HavenError.badRequest(
                    "$filter supports __id, __system/submissionDate and __system/submitterId with eq, ne, gt, ge, lt, le, joined by and; '\(text.trimmed)' is not one of those."
                )
            }
            var value = parts[2].trimmed
            if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return Clause(field: field, op: op, value: value)
        }
    }

    static func submissions(_ req: Request) async throws -> Response {
        let top: Int? = try number("$top", req)
        let skip = try number("$skip", req) ?? 0
        let count = (req.query["$count"] as String?)?.lowercased() == "true"
        let query = MonitoringRound.query(on: req.db).filter(\.$instanceID != nil).with(\.$site)
        if let filter = (req.query["$filter"] as String?).nonEmpty {
            for clause in try parse(filter) { try await apply(clause, to: query, on: req.db) }
        }
        let total = count ? try await query.copy().count() : nil
        let rounds = try await query.sort(\.$createdAt).sort(\.$id).range(skip..<(skip + min(top ?? 1000, 1000))).all()
        var body: [String: Any] = [
            "@odata.context":
                "\(req.baseURL)/v1/projects/\(OpenRosaRoutes.project)/forms/\(MonitoringXForm.formID).svc/$metadata#Submissions",
            "value": rounds.map(row),
        ]
        if let total { body["@odata.count"] = total }
        let response = Response(status: .ok)
        response.headers.contentType = .json
        response.body = .init(data: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        return response
    }

    private static func number(_ name: String, _ req: Request) throws -> Int? {
        guard let raw = (req.query[name] as String?).nonEmpty else { return nil }
        guard let value = Int(raw), (0...PageRequest.maxOffset).contains(value) else {
            throw HavenError.badRequest("\(name) must be a whole number from 0 to \(PageRequest.maxOffset).")
        }
        return value
    }

    private static func apply(_ clause: Clause, to query: QueryBuilder<MonitoringRound>, on db: any Database)
        async throws
    {
        switch clause.field {
        case .id:
            switch clause.op {
            case .eq: query.filter(\.$instanceID == clause.value)
            case .ne: query.filter(\.$instanceID != clause.value)
            default: throw HavenError.badRequest("__id can only be compared with eq or ne.")
            }
        case .submissionDate:
            guard
                let date = ISO8601DateFormatter().date(from: clause.value)
                    ?? CalendarDay(String(clause.value.prefix(10)))?.date
            else {
                throw HavenError.badRequest("'\(clause.value)' is not a date or date-time.")
            }
            let field = \MonitoringRound.$createdAt
            switch clause.op {
            case .eq: query.filter(field == date)
            case .ne: query.filter(field != date)
            case .gt: query.filter(field > date)
            case .ge: query.filter(field >= date)
            case .lt: query.filter(field < date)
            case .le: query.filter(field <= date)
            }
        case .submitterId:
            guard let wanted = Int(clause.value), clause.op == .eq || clause.op == .ne else {
                throw HavenError.badRequest("__system/submitterId takes a number, compared with eq or ne.")
            }
            let ids = try await User.query(on: db).all().compactMap(\.id).filter { $0.odkActorID == wanted }
            if clause.op == .eq { query.filter(\.$submitterID ~~ ids) } else { query.filter(\.$submitterID !~ ids) }
        }
    }

    private static func row(_ round: MonitoringRound) -> [String: Any] {
        var row: [String: Any] = [
            "__id": round.instanceID ?? "",
            "__system": [
                "submissionDate": round.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? NSNull(),
                "submitterId": String(round.submitterID?.odkActorID ?? 0), "updatedAt": NSNull(),
                "reviewState": NSNull(),
                "deviceId": NSNull(), "edits": 0, "formVersion": String(round.catalogueVersion),
            ] as [String: Any],
            "site": round.site.code, "conducted_on": round.conductedOn, "key_informants": round.keyInformants,
            "meta": ["instanceID": round.instanceID ?? ""],
        ]
        for (code, answer) in round.answers {
            switch answer {
            case .number(let n): row[code] = n
            case .text(let t): row[code] = t
            }
        }
        return row
    }
}
