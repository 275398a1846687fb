import Fluent
import Foundation

/// Recording feedback and moving it through the workflow: the one write path of the API, the pages,
/// the public form and ODK. Every step is audited; what people confided is sealed before it is stored.
enum FeedbackRegister {
    /// `site` is the site the input names, as the caller found it (to check who may record there); nil when none.
    static func record(
        _ input: FeedbackInput, at site: Site?, by actor: Actor, cipher: FeedbackCipher, on db: any Database,
        now: Date = Date(),
        submission: (instanceID: String, hash: String)? = nil
    ) async throws -> FeedbackItem {
        let category = try await FeedbackCategory.query(on: db).filter(\.$code == input.category.trimmed.uppercased())
            .live().first()
        var errors = FeedbackRules.check(input, categoryKnown: category != nil, now: now)
        if site == nil || site?.archivedAt != nil || site?.id != input.siteId {
            errors.append(FieldError("siteId", "is not a site in Haven"))
        }
        try HavenError.check(errors)
        let item = try make(input, category: category!, cipher: cipher, now: now)
        item.instanceID = submission?.instanceID
        item.submissionHash = submission?.hash
        try await db.write { tx in
            try await Audit.create(item, by: actor, on: tx)
            try await FeedbackTallies.add(FeedbackTally.delta(from: nil, to: item.tallyFacts), on: tx)
        }
        return item
    }

    /// A new item from checked input, sealed; not yet saved.
    static func make(_ input: FeedbackInput, category: FeedbackCategory, cipher: FeedbackCipher, now: Date) throws
        -> FeedbackItem
    {
        let item = FeedbackItem()
        let id = UUID()
        item.id = id
        item.reference = FeedbackReference.make()
        item.receivedAt = input.receivedAt ?? now
        item.receivedMonth = ReportingMonth(CalendarDay(item.receivedAt)).description
        item.channel = input.channel
        item.$site.id = input.siteId
        item.$category.id = try category.requireID()
        item.categoryCode = category.code
        item.sensitive = category.sensitive
        item.sector = input.sector.flatMap { ResponseSector.named($0)?.code } ?? ""
        let description = input.description.trimmed
        item.description = item.sensitive ? try cipher.seal(description, for: id) : description
        let contact = input.consentToContact ? (input.contact?.trimmed ?? "") : ""
        item.contact = contact.isEmpty ? "" : try cipher.seal(contact, for: id)
        item.consentToContact = input.consentToContact
        item.wantsAnswer = input.wantsAnswer ?? true
        (item.sex, item.ageGroup, item.disability) = (input.sex, input.ageGroup, input.disability)
        item.status = .new
        item.focalPoint = ""
        item.response = ""
        let due = FeedbackDeadlines.due(receivedAt: item.receivedAt, policy: category.deadlines)
        (item.acknowledgeBy, item.respondBy) = (due.acknowledgeBy, due.respondBy)
        item.lateFrom = FeedbackDeadlines.lateFrom(status: .new, due: due)
        return item
    }

    /// Takes a workflow step on the item as the person saw it. The step is decided inside the transaction on
    /// the item as it is then, locked: if someone else moved or refiled it meanwhile, this one is refused (409)
    /// rather than applied to a state nobody decided on. Returns the item as saved.
    @discardableResult
    static func transition(
        _ item: FeedbackItem, _ step: FeedbackTransition, by user: UserContext, cipher: FeedbackCipher,
        on db: any Database, now: Date = Date()
    ) async throws -> FeedbackItem {
        try HavenError.check(FeedbackWorkflow.check(step, from: item.status, wantsAnswer: item.wantsAnswer))
        if let organisation = step.organisationId, try await Organisation.find(organisation, on: db) == nil {
            throw HavenError.invalid([FieldError("organisationId", "is not an organisation in Haven")])
        }
        return try await db.write { tx in
            let current = try await unchanged(item, on: tx)
            let (before, counted) = (current.auditFields, current.tallyFacts)
            try apply(step, to: current, cipher: cipher, now: now)
            try await Audit.update(current, before: before, by: user.actor, on: tx)
            try await FeedbackTallies.add(FeedbackTally.delta(from: counted, to: current.tallyFacts), on: tx)
            return current
        }
    }

    /// The item locked and read again inside a transaction, when it is still in the status and category the
    /// person decided on; otherwise the 409 that tells them to look again.
    private static func unchanged(_ item: FeedbackItem, on tx: any Database) async throws -> FeedbackItem {
        let id = try item.requireID()
        try await tx.lockRow(FeedbackItem.schema, id: id)
        guard let current = try await FeedbackItem.find(id, on: tx), current.archivedAt == nil else {
            throw HavenError.notFound("Feedback")
        }
        guard current.status == item.status, current.categoryCode == item.categoryCode else {
            throw HavenError.conflict(
                "Someone else changed \(current.reference) meanwhile (it is now \(current.status.rawValue), "
                    + "\(current.categoryCode)). Open it again and decide on what it is now.")
        }
        return current
    }

    /// Files an item under another category (and sector): what was recorded as a complaint about food can turn out
    /// to be exploitation by an aid worker. Becoming sensitive seals the text at once and takes the item away from
    /// everyone but the focal points; only a focal point can take it back out. Deadlines follow the new category.
    /// Decided, like a workflow step, on the item as it is inside the transaction (409 when it changed). Returns it as saved.
    @discardableResult
    static func reclassify(
        _ item: FeedbackItem, as code: String, sector: String?, by user: UserContext, cipher: FeedbackCipher,
        on db: any Database
    ) async throws -> FeedbackItem {
        let category = try await FeedbackCategory.query(on: db).filter(\.$code == code.trimmed.uppercased()).filter(
            \.$archivedAt == nil
        ).first()
        var errors: [FieldError] = []
        if category == nil {
            errors.append(
                FieldError(
                    "category", "'\(code.prefix(40))' is not a feedback category; see /api/v1/feedback-categories"))
        }
        if let sector = sector.nonEmpty, ResponseSector.named(sector) == nil {
            errors.append(FieldError("sector", "'\(sector)' is not a sector of the response"))
        }
        if item.sensitive, category?.sensitive == false, !user.feedbackFocalPoint {
            errors.append(
                FieldError("category", "only a focal point can take a sensitive case out of the sensitive categories"))
        }
        try HavenError.check(errors)
        guard let category else { return item }
        let wasSensitive = item.sensitive
        let saved = try await db.write { tx in
            let current = try await unchanged(item, on: tx)
            let (before, counted, id) = (current.auditFields, current.tallyFacts, try current.requireID())
            let text = (
                description: current.sensitive ? try cipher.open(current.description, for: id) : current.description,
                response: current.sensitive && !current.response.isEmpty
                    ? try cipher.open(current.response, for: id) : current.response
            )
            current.$category.id = try category.requireID()
            current.categoryCode = category.code
            current.sensitive = category.sensitive
            current.sector = sector.nonEmpty.flatMap { ResponseSector.named($0)?.code } ?? ""
            current.description = current.sensitive ? try cipher.seal(text.description, for: id) : text.description
            current.response =
                current.sensitive && !text.response.isEmpty ? try cipher.seal(text.response, for: id) : text.response
            let due = FeedbackDeadlines.due(receivedAt: current.receivedAt, policy: category.deadlines)
            (current.acknowledgeBy, current.respondBy) = (due.acknowledgeBy, due.respondBy)
            current.lateFrom = FeedbackDeadlines.lateFrom(status: current.status, due: due)
            try await Audit.update(current, before: before, by: user.actor, on: tx)
            try await FeedbackTallies.add(FeedbackTally.delta(from: counted, to: current.tallyFacts), on: tx)
            return current
        }
        // The plain text now sealed must not linger in SQLite's write-ahead log until some later checkpoint.
        if saved.sensitive && !wasSensitive { await DatabaseSetup.checkpoint(db) }
        return saved
    }

    /// A checked step applied to the item; not yet saved.
    static func apply(_ step: FeedbackTransition, to item: FeedbackItem, cipher: FeedbackCipher, now: Date) throws {
        if item.status == .new { item.acknowledgedAt = now }
        let reopened = item.status == .responded && step.to == .inProgress
        item.status = step.to
        item.lateFrom = FeedbackDeadlines.lateFrom(status: step.to, due: item.due)
        // The answer given did not settle it: whether the person is answered in time depends on the next one.
        if reopened { item.respondedAt = nil }
        switch step.to {
        case .referred:
            item.$referredTo.id = step.organisationId
            item.focalPoint = step.focalPoint?.trimmed ?? ""
        case .responded:
            let response = step.response?.trimmed ?? ""
            item.response = item.sensitive ? try cipher.seal(response, for: try item.requireID()) : response
            item.respondedAt = now
        case .closed:
            item.closedVia = step.closedVia
            item.satisfaction = step.satisfaction
            item.closedAt = now
        default:
            break
        }
    }

    /// What the person said and how to reach them, for someone allowed to read the item; opening a sensitive
    /// item is itself written to the audit trail.
    static func open(_ item: FeedbackItem, by user: UserContext, cipher: FeedbackCipher, on db: any Database)
        async throws -> (description: String, contact: String, response: String)
    {
        let id = try item.requireID()
        if item.sensitive { try await Audit.record(.view, item, changes: [], by: user.actor, on: db) }
        let description = item.sensitive ? try cipher.open(item.description, for: id) : item.description
        let contact = item.contact.isEmpty ? "" : try cipher.open(item.contact, for: id)
        let response =
            item.sensitive && !item.response.isEmpty ? try cipher.open(item.response, for: id) : item.response
        return (description, contact, response)
    }
}
