import Fluent
import Foundation
import SQLKit

/// The write path of situation reports. Every change to a draft is a conditional update on its version and status
/// inside the transaction that audits it: of two changes made on the same copy one wins and the other gets 409,
/// and nothing changes a published report.
enum SituationReports {
    /// The sections in `ReportSections.all`, drafted for a month, and the text put together from them.
    static func drafted(_ month: ReportingMonth, _ context: ReportContext, on day: CalendarDay) async throws
        -> (text: String, parts: [ReportPart])
    {
        // The report is written in English whoever drafts it; its months and days too.
        try await Wording.$staff.withValue(Wording(code: "en", words: WordingCatalogue.english)) {
            var parts: [ReportPart] = []
            for section in ReportSections.all { parts.append(try await section.draft(month, context)) }
            return (ReportDraft.markdown(month, parts: parts, draftedOn: day), parts)
        }
    }

    /// What a report's text must be.
    static func rules(text: String) -> [FieldError] {
        if text.trimmed.isEmpty { return [FieldError("text", "must not be empty")] }
        return TextRules.problems([("text", text, .document)])
    }

    /// Months a report may be written for: from 2000 to the current month.
    static func rules(month: ReportingMonth, today: CalendarDay) -> [FieldError] {
        guard month <= ReportingMonth(today), month.year >= 2000 else {
            return [FieldError("month", "must be a month from 2000 to the current month")]
        }
        return []
    }

    static func find(_ month: ReportingMonth, on db: any Database) async throws -> SituationReport? {
        try await SituationReport.query(on: db).filter(\.$month == month.description).live().first()
    }

    /// A new draft from the data; 409 when the month already has a report (the unique index decides a race).
    static func create(_ month: ReportingMonth, by actor: Actor, _ context: ReportContext, now: Date = Date())
        async throws -> SituationReport
    {
        try HavenError.check(rules(month: month, today: CalendarDay(now)))
        if try await find(month, on: context.db) != nil {
            throw HavenError.conflict("\(Format.month(month)) already has a report; open it to edit it.")
        }
        let draft = try await drafted(month, context, on: CalendarDay(now))
        let report = SituationReport(month: month, text: draft.text, parts: draft.parts, draftedAt: now)
        try await Audit.create(report, by: actor, on: context.db)
        return report
    }

    /// The draft's text and figures drafted again from the data as they are now.
    static func redraft(
        _ report: SituationReport, version: Int, by actor: Actor, _ context: ReportContext, now: Date = Date()
    ) async throws {
        let draft = try await drafted(report.reportingMonth, context, on: CalendarDay(now))
        try await change(report, version: version, by: actor, on: context.db) {
            $0.text = draft.text
            $0.partsJSON = SituationReport.encode(draft.parts)
            $0.draftedAt = now
        }
    }

    static func save(_ report: SituationReport, text: String, version: Int, by actor: Actor, on db: any Database)
        async throws
    {
        try HavenError.check(rules(text: text))
        try await change(report, version: version, by: actor, on: db) { $0.text = text }
    }

    /// Freezes the draft as it is: from now on its text and figures never change.
    static func publish(
        _ report: SituationReport, version: Int, by actor: Actor, on db: any Database, now: Date = Date()
    ) async throws {
        try await change(report, version: version, by: actor, on: db) {
            $0.status = .published
            $0.publishedAt = now
            $0.publishedBy = actor.label
        }
    }

    /// A draft set aside (archived, as every delete is); a published report stays.
    static func discard(_ report: SituationReport, by actor: Actor, on db: any Database) async throws {
        guard report.status == .draft else { throw published(report) }
        try await Audit.archive(report, by: actor, on: db)
    }

    private static func published(_ report: SituationReport) -> HavenError {
        .conflict(
            "The report of \(Format.month(report.reportingMonth)) is published; its text and figures stay as published."
        )
    }

    private static func change(
        _ report: SituationReport, version: Int, by actor: Actor, on db: any Database,
        _ apply: (SituationReport) -> Void
    ) async throws {
        guard report.status == .draft, report.archivedAt == nil else { throw published(report) }
        guard report.version == version else { throw stale }
        let before = report.auditFields
        apply(report)
        report.version = version + 1
        let id = try report.requireID()
        try await db.write { tx in
            let changed = try await tx.sql.raw(
                """
                UPDATE \(ident: SituationReport.schema) SET status = \(bind: report.status.rawValue),
                  text = \(bind: report.text), parts = \(bind: report.partsJSON), drafted_at = \(bind: report.draftedAt),
                  published_at = \(bind: report.publishedAt), published_by = \(bind: report.publishedBy),
                  version = \(bind: report.version), updated_at = \(bind: Date())
                WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'draft' AND archived_at IS NULL
                RETURNING id
                """
            ).all()
            guard changed.count == 1 else { throw stale }
            try await Audit.record(
                .update, report, changes: Audit.changes(before: before, after: report.auditFields), by: actor, on: tx)
        }
    }

    private static let stale = HavenError.conflict(
        "Someone changed or published this report since you opened it. Open it again to see their version.")
}
