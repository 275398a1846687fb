import Fluent
import Foundation
import SQLKit

/// What someone who handles feedback must act on now: items late to acknowledge, late to answer, and due
/// within two days, with the ones that have waited longest. Shown on `/complaints` and mailed to focal points.
struct FeedbackDigest: Sendable {
    struct Entry: Sendable, Equatable {
        var id: UUID
        var reference: String
        var siteCode: String
        /// The category, except for a sensitive case: a digest travels by e-mail, and "GBV at this site" says too much.
        var about: String
        var lateSince: Date
    }

    /// Late in either way, each item once (one can be late to acknowledge and to answer).
    var late: Int
    var toAcknowledge: Int
    var toAnswer: Int
    var dueSoon: Int
    var longestWaiting: [Entry]

    var isEmpty: Bool { late + dueSoon == 0 }

    /// The digest of everything `user` may handle; `listing` late items at most.
    static func make(for user: UserContext, listing: Int = 0, on db: any Database, now: Date = Date()) async throws
        -> FeedbackDigest
    {
        let all = FeedbackFilter(user: user)
        let late =
            listing == 0
            ? []
            : try await all.query(on: db, now: now).filter(\.$lateFrom < now).sort(\.$lateFrom).sort(\.$id).limit(
                listing
            ).all()
        let sites = Dictionary(
            try await Site.query(on: db).filter(\.$id ~~ Array(Set(late.map { $0.$site.id }))).field(\.$id).field(
                \.$code
            ).all()
                .map { ($0.id!, $0.code) }, uniquingKeysWith: { a, _ in a })
        let counts = try await counts(all, now: now, on: db)
        return FeedbackDigest(
            late: counts.late, toAcknowledge: counts.toAcknowledge, toAnswer: counts.toAnswer, dueSoon: counts.dueSoon,
            longestWaiting: late.map { item in
                Entry(
                    id: item.id!, reference: item.reference, siteCode: sites[item.$site.id] ?? "",
                    about: item.sensitive ? "sensitive case" : item.categoryCode,
                    lateSince: item.lateFrom ?? item.respondBy)
            })
    }

    /// The four counts in two passes. Only open items have a `late_from` (their earliest deadline), so every item
    /// late or due within two days has one before then: one pass over those counts the late, the late to answer
    /// and the due soon from the index; those late to acknowledge are few, found by status.
    private static func counts(_ filter: FeedbackFilter, now: Date, on db: any Database) async throws -> (
        late: Int, toAcknowledge: Int, toAnswer: Int, dueSoon: Int
    ) {
        let soon = now.addingTimeInterval(48 * 3600)
        let visible = filter.conditions(item: "f", now: now)
        let row = try await db.sql.raw(
            """
            SELECT COALESCE(SUM(CASE WHEN f.late_from < \(bind: now) THEN 1 ELSE 0 END), 0) AS late,
              COALESCE(SUM(CASE WHEN f.respond_by < \(bind: now) THEN 1 ELSE 0 END), 0) AS to_answer,
              COALESCE(SUM(CASE WHEN f.respond_by >= \(bind: now) AND f.respond_by < \(bind: soon) THEN 1 ELSE 0 END), 0)
                AS due_soon
            FROM \(ident: FeedbackItem.schema) f WHERE \(visible) AND f.late_from < \(bind: soon)
            """
        ).first()
        let toAcknowledge = try await filter.query(on: db, now: now).filter(\.$status == .new)
            .filter(\.$acknowledgeBy < now).count()
        return (
            try row?.decode(column: "late", as: Int.self) ?? 0, toAcknowledge,
            try row?.decode(column: "to_answer", as: Int.self) ?? 0,
            try row?.decode(column: "due_soon", as: Int.self) ?? 0
        )
    }

    /// The digest as an e-mail to one person: references, sites and dates, never what anyone said.
    func mail(to name: String, baseURL: String, now: Date = Date()) -> (subject: String, body: String) {
        let subject =
            "Haven: \(Format.number(late)) complaint\(late == 1 ? "" : "s") late, \(Format.number(dueSoon)) due within 2 days"
        var lines = [
            "Hello \(name),", "", "Among the complaints and feedback you handle in Haven:",
            "  \(Format.number(toAcknowledge)) late to acknowledge",
            "  \(Format.number(toAnswer)) late to answer",
            "  \(Format.number(dueSoon)) to answer within 2 days",
        ]
        if !longestWaiting.isEmpty {
            lines += ["", "Waiting longest:"]
            lines += longestWaiting.map { entry in
                let days = max(0, Int(now.timeIntervalSince(entry.lateSince) / 86_400))
                return
                    "  \(entry.reference)  \(entry.siteCode)  \(entry.about)  late \(days) day\(days == 1 ? "" : "s")  \(baseURL)\(Paths.complaint.link(entry.id))"
            }
        }
        lines += [
            "", "Everything that is late: \(baseURL)\(Paths.with(Paths.complaints, ["overdue": "true"]))", "",
            "This message holds no name and nothing anyone said; read the cases in Haven.",
        ]
        return (subject, lines.joined(separator: "\n"))
    }
}

extension FeedbackDigest {
    struct Mailing: Sendable, Equatable {
        var sent = 0
        var saved: [String] = []
        var nothingDue = 0
    }

    /// Mails every focal point (an account marked so, not archived) the digest of what they handle, when something
    /// is late or due; run daily, for example from cron.
    static func mailFocalPoints(outbox: Outbox, baseURL: String, on db: any Database, now: Date = Date()) async throws
        -> Mailing
    {
        var mailing = Mailing()
        let accounts = try await User.query(on: db).filter(\.$feedbackFocalPoint == true).live()
            .sort(\.$email).all()
        for account in accounts {
            guard let user = try await CurrentUserMiddleware.user(id: account.requireID(), on: db) else { continue }
            let digest = try await make(for: user, listing: 20, on: db, now: now)
            guard !digest.isEmpty else {
                mailing.nothingDue += 1
                continue
            }
            let mail = digest.mail(to: account.name.isEmpty ? account.email : account.name, baseURL: baseURL, now: now)
            switch try outbox.send(to: account.email, subject: mail.subject, body: mail.body, now: now) {
            case .sent: mailing.sent += 1
            case .saved(let path): mailing.saved.append(path)
            }
        }
        return mailing
    }
}

/// The digest's counts for a site manager (their sites' items) and a partner (items referred to it, and those of
/// the sites it manages) read from these indexes alone: without them each count read every such item's row.
struct IndexFeedbackDue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for (index, by) in [("feedback_site_due", "site_id"), ("feedback_referred_due", "referred_to_id")] {
            try await database.createIndex(
                index, on: FeedbackItem.schema, by, "late_from", "respond_by", "status", "acknowledge_by", "sensitive",
                "archived_at")
        }
    }

    func revert(on database: any Database) async throws {
        for index in ["feedback_site_due", "feedback_referred_due"] { try await database.sql.drop(index: index).run() }
    }
}
