import Fluent
import Foundation
import Vapor

/// A form Haven offers ODK Collect, KoboCollect and pyodk. The OpenRosa and Central routes serve every form
/// of `ODKForms.all` alike; a form says what its XForm is now and what becomes of a submission.
protocol ODKForm {
    static var formID: String { get }
    static var title: String { get }
    /// The XForm as it stands in `languages` (the first the default), and its version (a new version whenever what
    /// it asks or says changes).
    static func current(on db: any Database, languages: [Wording]) async throws -> (document: String, version: String)
    /// Records a submission once, however often the phone sends it (`ODKResend`).
    static func receive(_ submission: ODKSubmission, xml: Data, from user: UserContext, on req: Request)
        async throws -> ODKReceipt
    /// The submission received under this instance ID, if any.
    static func submission(_ instanceID: String, on db: any Database) async throws -> ODKReceipt?
    /// Whether Central clients may list and read its submissions back (not where they can be sensitive).
    static var readsBack: Bool { get }
    /// The submissions listed to Central clients, oldest first.
    static func submissions(_ rows: Range<Int>, on db: any Database) async throws -> [ODKReceipt]
    /// Its OData feed of submissions, for forms that offer one.
    static func odata(_ req: Request) async throws -> Response?
    /// The files the form attaches (`jr://file-csv/…` choice lists), by name, as they stand now.
    static func media(on db: any Database) async throws -> [(name: String, content: String)]
}

extension ODKForm {
    static var readsBack: Bool { false }

    static func submissions(_ rows: Range<Int>, on db: any Database) async throws -> [ODKReceipt] { [] }

    static func odata(_ req: Request) async throws -> Response? { nil }

    static func media(on db: any Database) async throws -> [(name: String, content: String)] { [] }
}

/// What the client is told of a submission.
struct ODKReceipt: Sendable {
    var instanceID: String
    var submitterID: UUID?
    var receivedAt: Date
    var duplicate: Bool
    var message: String
}
