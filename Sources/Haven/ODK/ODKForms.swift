import Crypto
import Fluent
import Foundation
import Vapor

/// The forms Haven offers ODK Collect, KoboCollect and pyodk, as they stand now, and where each one's
/// submissions go: monitoring rounds and feedback share the OpenRosa path and the Central API.
enum ODKForms {
    struct Published: Sendable {
        var id: String
        var title: String
        var document: String
        var version: String
    }

    static let ids = [XForm.formID, FeedbackXForm.formID]

    static func current(on db: any Database) async throws -> [Published] {
        let catalogue = try await Catalogue.current(on: db)
        let feedback = FeedbackXForm.document(
            categories: try await FeedbackCategory.query(on: db).live().sort(\.$position).all())
        return [
            Published(
                id: XForm.formID, title: XForm.title, document: XForm.document(catalogue),
                version: String(catalogue.number)),
            Published(
                id: FeedbackXForm.formID, title: FeedbackXForm.title, document: feedback.document,
                version: feedback.version),
        ]
    }

    static func named(_ id: String, on db: any Database) async throws -> Published {
        guard let form = try await current(on: db).first(where: { $0.id == id }) else {
            throw HavenError.notFound("Form")
        }
        return form
    }

    /// What the client is told of a submission it sent.
    struct Receipt: Sendable {
        var instanceID: String
        var submitterID: UUID?
        var receivedAt: Date
        var duplicate: Bool
        var message: String
    }

    /// Receives a submission for whichever form it fills; `form` is the form the client posted to, when it says.
    static func receive(_ xml: Data, form: String?, from user: UserContext, on req: Request) async throws -> Receipt {
        let submission = try ODKSubmission.read(xml)
        if let form, form != submission.formID {
            throw HavenError.invalid([FieldError("form", "the submission fills '\(submission.formID)', not \(form)")])
        }
        switch submission.formID {
        case FeedbackXForm.formID:
            let (item, duplicate) = try await FeedbackSubmissionIntake.receive(
                submission, from: user, cipher: req.feedbackCipher, on: req.db)
            return Receipt(
                instanceID: item.instanceID ?? "", submitterID: user.id, receivedAt: item.receivedAt,
                duplicate: duplicate,
                message: duplicate ? "This feedback was already received." : "Thank you: the feedback is recorded.")
        default:
            let outcome = try await SubmissionIntake.receive(xml, from: user, on: req.db, writer: req.roundWriter)
            let round = outcome.round
            let duplicate = if case .duplicate = outcome { true } else { false }
            return Receipt(
                instanceID: round.instanceID ?? round.id?.uuidString ?? "", submitterID: round.submitterID,
                receivedAt: round.createdAt ?? Date(),
                duplicate: duplicate,
                message: duplicate ? "This submission was already received." : "Thank you: the round is recorded.")
        }
    }

    /// "md5:…" of a form, as OpenRosa form lists and ODK Central announce it.
    static func hash(_ xml: String) -> String {
        "md5:" + Insecure.MD5.hash(data: Data(xml.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
