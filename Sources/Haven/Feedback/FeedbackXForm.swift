import Fluent
import Foundation
import Vapor

/// The feedback form for ODK Collect and KoboCollect: mobile teams and help desks record what people say on a
/// phone, offline, and send it on the same OpenRosa path as monitoring rounds. The categories are the operation's.
enum FeedbackXForm {
    static let formID = "haven_feedback"
    static let title = "Haven complaints and feedback"

    /// The form and its version, in each of `languages` (XForm itext: the enumerator picks the language in
    /// Collect; the first is the default). The version follows what the form says, so that Collect fetches it
    /// again when a category or a wording changes.
    static func document(categories: [FeedbackCategory], languages: [Wording]) -> (document: String, version: String) {
        let languages = languages.isEmpty ? [Wording(code: "en", words: WordingCatalogue.english)] : languages
        let questions = self.questions(categories)
        let translations = languages.enumerated().map { index, w in
            let texts = questions.flatMap { question in
                [text("/data/\(question.name):label", question.label(w))]
                    + (question.hint.map { [text("/data/\(question.name):hint", $0(w))] } ?? [])
                    + question.options.enumerated().map { number, option in
                        text("/data/\(question.name)/\(number):label", option.label(w))
                    }
            }
            let name = MarkupText.escaped("\(w[.languageName]) (\(w.code))")
            return
                "<translation lang=\"\(name)\"\(index == 0 ? " default=\"true()\"" : "")>\(texts.joined())</translation>"
        }
        let itext = "<itext>\(translations.joined())</itext>"
        let body = questions.map(\.control).joined(separator: "\n")
        let version = String(
            (itext + body).utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 })
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms">
            <h:head>
            <h:title>\(title)</h:title>
            <model odk:xforms-version="1.0.0">
            \(itext)
            <instance><data id="\(formID)" version="\(version)"><start/><adm1/><site/><category/><sector/><description/><wants_answer/><consent/><contact/><sex/><age_group/><disability/><meta><instanceID/></meta></data></instance>
            \(SiteChoices.instances)
            <bind nodeset="/data/start" type="dateTime" jr:preload="timestamp" jr:preloadParams="start"/>
            <bind nodeset="/data/adm1" type="string"/>
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
            \(body)
            </h:body>
            </h:html>
            """
        return (document, version)
    }

    /// A question of the form: its control, and its words in any language.
    private struct Question {
        struct Option {
            var value: String
            var label: (Wording) -> String
        }

        var name: String
        var label: (Wording) -> String
        var hint: ((Wording) -> String)?
        var options: [Option] = []
        var multiline = false
        /// Choices from an attached file (`SiteChoices`), searched as one types, instead of `options`.
        var itemset: String?
        var search = false

        var control: String {
            let label = "<label ref=\"jr:itext('/data/\(name):label')\"/>"
            let hint = self.hint == nil ? "" : "<hint ref=\"jr:itext('/data/\(name):hint')\"/>"
            if let itemset {
                let appearance = search ? " appearance=\"search\"" : ""
                return "<select1 ref=\"/data/\(name)\"\(appearance)>\(label)\(hint)"
                    + "<itemset nodeset=\"\(itemset)\"><value ref=\"name\"/><label ref=\"label\"/></itemset></select1>"
            }
            guard !options.isEmpty else {
                let appearance = multiline ? " appearance=\"multiline\"" : ""
                return "<input ref=\"/data/\(name)\"\(appearance)>\(label)\(hint)</input>"
            }
            let items = options.enumerated().map { number, option in
                "<item><label ref=\"jr:itext('/data/\(name)/\(number):label')\"/><value>\(MarkupText.escaped(option.value))</value></item>"
            }.joined()
            return "<select1 ref=\"/data/\(name)\">\(label)\(hint)\(items)</select1>"
        }
    }

    private static func questions(_ categories: [FeedbackCategory]) -> [Question] {
        let yesNo = [Question.Option(value: "yes") { $0[.yes] }, Question.Option(value: "no") { $0[.no] }]
        return [
            Question(name: "adm1", label: { $0[.odkArea] }, itemset: SiteChoices.areaItems),
            Question(
                name: "site", label: { $0[.odkSite] }, hint: { $0[.odkSiteHint] },
                itemset: SiteChoices.siteItems(area: "/data/adm1"), search: true),
            Question(
                name: "category", label: { $0[.aboutLabel] },
                options: categories.map { category in
                    Question.Option(value: category.code) { w in
                        let label = category.label(in: w.code)
                        return category.sensitive ? w[.odkSensitive, ["label": label]] : label
                    }
                }),
            Question(
                name: "sector", label: { $0[.odkSector] },
                options: ResponseSector.all.map { sector in
                    Question.Option(value: sector.code) { $0.sector(sector.code) }
                }),
            Question(
                name: "description", label: { $0[.odkDescription] }, hint: { $0[.odkDescriptionHint] }, multiline: true),
            Question(name: "wants_answer", label: { $0[.odkWantsAnswer] }, options: yesNo),
            Question(name: "consent", label: { $0[.odkConsent] }, options: yesNo),
            Question(name: "contact", label: { $0[.odkContact] }),
            Question(
                name: "sex", label: { $0[.odkSex] },
                options: FeedbackSex.allCases.map { sex in Question.Option(value: sex.rawValue) { $0.sex(sex) } }),
            Question(
                name: "age_group", label: { $0[.odkAge] },
                options: FeedbackAgeGroup.allCases.map { group in
                    Question.Option(value: group.rawValue) { $0.ageGroup(group) }
                }),
            Question(name: "disability", label: { $0[.odkDisability] }, options: yesNo),
        ]
    }

    private static func text(_ id: String, _ value: String) -> String {
        "<text id=\"\(id)\"><value>\(MarkupText.escaped(value))</value></text>"
    }
}

extension FeedbackXForm: ODKForm {
    static func current(on db: any Database, languages: [Wording]) async throws -> (document: String, version: String) {
        document(
            categories: try await FeedbackCategory.query(on: db).live().sort(\.$position).all(), languages: languages)
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

    /// The provinces and sites the enumerator chooses from.
    static func media(on db: any Database) async throws -> [(name: String, content: String)] {
        try await SiteChoices.files(on: db)
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
