import Crypto
import Fluent
import Foundation
import Vapor

/// The forms Haven offers (`ODKForms.all`), as they stand now, and where each submission goes: every form
/// shares the OpenRosa path and the Central API.
enum ODKForms {
    struct Published: Sendable {
        var id: String
        var title: String
        var document: String
        var version: String
    }

    static func current(_ req: Request) async throws -> [Published] {
        let languages = req.application.storage[StaffWordingsKey.self]?.languages ?? []
        var published: [Published] = []
        for form in all {
            let (document, version) = try await form.current(on: req.db, languages: languages)
            published.append(Published(id: form.formID, title: form.title, document: document, version: version))
        }
        return published
    }

    /// The form with this ID; 404 for any other.
    static func form(_ id: String?) throws -> any ODKForm.Type {
        guard let form = all.first(where: { $0.formID == id }) else { throw HavenError.notFound("Form") }
        return form
    }

    static func named(_ id: String, _ req: Request) async throws -> Published {
        guard let form = try await current(req).first(where: { $0.id == id }) else {
            throw HavenError.notFound("Form")
        }
        return form
    }

    /// Receives a submission for whichever form it fills; `form` is the form the client posted to, when it says.
    static func receive(_ xml: Data, form: String?, from user: UserContext, on req: Request) async throws -> ODKReceipt
    {
        let submission = try ODKSubmission.read(xml)
        if let form, form != submission.formID {
            throw HavenError.invalid([FieldError("form", "the submission fills '\(submission.formID)', not \(form)")])
        }
        return try await self.form(submission.formID).receive(submission, xml: xml, from: user, on: req)
    }

    /// "md5:…" of a form, as OpenRosa form lists and ODK Central announce it.
    static func hash(_ xml: String) -> String {
        "md5:" + Insecure.MD5.hash(data: Data(xml.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
