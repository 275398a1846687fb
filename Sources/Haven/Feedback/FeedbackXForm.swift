import Fluent
import Foundation
import Vapor

/// The feedback form for ODK Collect and KoboCollect: mobile teams and help desks record what people say on a
/// phone, offline, and send it on the same OpenRosa path as monitoring rounds. The categories are the operation's.
enum FeedbackXForm {
    static let formID = "haven_feedback"
    static let title = "Haven complaints and feedback"

    /// The form and its version: the version changes when the categories do, so that Collect fetches it again.
    static func document(categories: [FeedbackCategory]) -> (document: String, version: String) {
        let version = String(
            categories.map { "\($0.code)=\($0.label)" }.joined(separator: "|").utf8
                .reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 })
        let yesNo = [("yes", "Yes"), ("no", "No")]
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms">
            <h:head>
            <h:title>\(title)</h:title>
            <model odk:xforms-version="1.0.0">
            <instance><data id="\(formID)" version="\(version)"><start/><site/><category/><sector/><description/><wants_answer/><consent/><contact/><sex/><age_group/><disability/><meta><instanceID/></meta></data></instance>
            <bind nodeset="/data/start" type="dateTime" jr:preload="timestamp" jr:preloadParams="start"/>
            <bind nodeset="/data/site" type="string" required="true()"/>
            <bind nodeset="/data/category" type="string" required="true()"/>
            <bind nodeset="/data/sector" type="string"/>
            <bind nodeset="/data/description" type="string" required="true()"/>
            <bind nodeset="/data/wants_answer" type="string" required="true()"/>
            <bind nodeset="/data/consent" type="string" required="true()"/>
            <bind nodeset="/data/contact" type="string" relevant="/data/consent = 'yes'"/>
            <bind nodeset="/data/sex" type="string"/>
            <bind nodeset="/data/age_group" type="string"/>
            <bind nodeset="/data/disability" type="string"/>
            <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
            </model>
            </h:head>
            <h:body>
            <input ref="/data/site"><label>Site code</label><hint>As in Haven, e.g. BO0101_0001</hint></input>
            \(choice("category", "What is it about?", categories.map { ($0.code, $0.label + ($0.sensitive ? " (sensitive)" : "")) }))
            \(choice("sector", "Which sector does it concern?", ResponseSector.all.map { ($0.code, $0.name) }))
            <input ref="/data/description" appearance="multiline"><label>What did the person say?</label><hint>Sensitive cases are sealed on arrival and read only by focal points. Send the form at once and keep no other copy.</hint></input>
            \(choice("wants_answer", "Does the person want an answer?", yesNo))
            \(choice("consent", "Does the person agree to be contacted?", yesNo))
            <input ref="/data/contact"><label>How to reach them (phone, shelter number)</label></input>
            \(choice("sex", "Sex (if the person wishes to say)", FeedbackSex.allCases.map { ($0.rawValue, $0.label) }))
            \(choice("age_group", "Age (if the person wishes to say)", FeedbackAgeGroup.allCases.map { ($0.rawValue, $0.label) }))
            \(choice("disability", "Does the person have a disability? (if they wish to say)", yesNo))
            </h:body>
            </h:html>
            """
        return (document, version)
    }

    private static func choice(_ name: String, _ label: String, _ options: [(value: String, label: String)]) -> String {
        let items = options.map {
            "<item><label>\(MarkupText.escaped($0.label))</label><value>\(MarkupText.escaped($0.value))</value></item>"
        }.joined()
        return "<select1 ref=\"/data/\(name)\"><label>\(MarkupText.escaped(label))</label>\(items)</select1>"
    }
}

extension FeedbackXForm: ODKForm {
    static func current(on db: any Database) async throws -> (document: String, version: String) {
        document(categories: try await FeedbackCategory.query(on: db).live().sort(\.$position).all())
    }

    static func receive(_ submission: ODKSubmission, xml: Data, from user: UserContext, on req: Request)
        async throws -> ODKReceipt
    {
        let (item, duplicate) = try await FeedbackSubmissionIntake.receive(
            submission, xml: xml, from: user, cipher: req.feedbackCipher, on: req.db)
        return ODKReceipt(
            instanceID: item.instanceID ?? "", submitterID: user.id, receivedAt: item.receivedAt,
            duplicate: duplicate,
            message: duplicate ? "This feedback was already received." : "Thank you: the feedback is recorded.")
    }

    /// Only whether it arrived: what people said is never read back through ODK.
    static func submission(_ instanceID: String, on db: any Database) async throws -> ODKReceipt? {
        try await FeedbackSubmissionIntake.earlier(instanceID, on: db).map {
            ODKReceipt(
                instanceID: instanceID, submitterID: nil, receivedAt: $0.record.receivedAt, duplicate: true,
                message: "")
        }
    }
}
