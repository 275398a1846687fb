import Fluent
import Foundation
import Vapor

/// The site monitoring form in ODK's XForm format, generated from a catalogue version, so that
/// ODK Collect and KoboCollect ask exactly what the catalogue holds.
enum MonitoringXForm {
    static let formID = "haven_site_monitoring"
    static let title = "Haven site monitoring"

    static func document(_ catalogue: Catalogue.Version) -> String {
        let questions = catalogue.indicators.filter { $0.valueType != .derived }
        let instance = questions.map { "<\($0.code)/>" }.joined()
        let binds = questions.map { bind($0) }.joined(separator: "\n")
        let body = questions.map { control($0) }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms">
            <h:head>
            <h:title>\(title)</h:title>
            <model odk:xforms-version="1.0.0">
            <instance><data id="\(formID)" version="\(catalogue.number)"><site/><conducted_on/><key_informants/>\(instance)<meta><instanceID/></meta></data></instance>
            <bind nodeset="/data/site" type="string" required="true()"/>
            <bind nodeset="/data/conducted_on" type="date" required="true()"/>
            <bind nodeset="/data/key_informants" type="string"/>
            \(binds)
            <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
            </model>
            </h:head>
            <h:body>
            <input ref="/data/site"><label>Site code</label><hint>As in Haven, e.g. BO0101_0001</hint></input>
            <input ref="/data/conducted_on"><label>Date of the round</label></input>
            <input ref="/data/key_informants"><label>Key informants (roles, separated by ;)</label></input>
            \(body)
            </h:body>
            </h:html>
            """
    }

    private static func bind(_ q: IndicatorBody) -> String {
        switch q.valueType {
        case .count:
            "<bind nodeset=\"/data/\(q.code)\" type=\"int\" constraint=\". &gt;= 0\" jr:constraintMsg=\"Cannot be negative\"/>"
        case .percentage:
            "<bind nodeset=\"/data/\(q.code)\" type=\"decimal\" constraint=\". &gt;= 0 and . &lt;= 100\" jr:constraintMsg=\"0 to 100\"/>"
        case .number, .derived:
            "<bind nodeset=\"/data/\(q.code)\" type=\"decimal\" constraint=\". &gt;= 0\" jr:constraintMsg=\"Cannot be negative\"/>"
        case .yesNo, .adequacy, .choice: "<bind nodeset=\"/data/\(q.code)\" type=\"string\"/>"
        }
    }

    private static func control(_ q: IndicatorBody) -> String {
        let label = "<label>\(MarkupText.escaped(q.unit.isEmpty ? q.label : "\(q.label) (\(q.unit))"))</label>"
        guard let options = q.options, !options.isEmpty else {
            return "<input ref=\"/data/\(q.code)\">\(label)</input>"
        }
        let items = options.map {
            "<item><label>\(MarkupText.escaped($0.label))</label><value>\(MarkupText.escaped($0.value))</value></item>"
        }
        .joined()
        return "<select1 ref=\"/data/\(q.code)\">\(label)\(items)</select1>"
    }
}

extension MonitoringXForm: ODKForm {
    /// In English: its questions are the catalogue's own words, which have no other languages yet.
    static func current(on db: any Database, languages: [Wording]) async throws -> (document: String, version: String) {
        let catalogue = try await Catalogue.current(on: db)
        return (document(catalogue), String(catalogue.number))
    }

    static func receive(_ submission: ODKSubmission, xml: Data, from user: UserContext, on req: Request)
        async throws -> ODKReceipt
    {
        let outcome = try await RoundSubmissionIntake.receive(xml, from: user, on: req.db, writer: req.roundWriter)
        let duplicate = if case .duplicate = outcome { true } else { false }
        return receipt(outcome.round, duplicate: duplicate)
    }

    static func submission(_ instanceID: String, on db: any Database) async throws -> ODKReceipt? {
        try await MonitoringRound.query(on: db).filter(\.$instanceID == instanceID).first().map {
            receipt($0, duplicate: true)
        }
    }

    static let readsBack = true

    static func submissions(_ rows: Range<Int>, on db: any Database) async throws -> [ODKReceipt] {
        try await MonitoringRound.query(on: db).filter(\.$instanceID != nil).sort(\.$createdAt).range(rows).all()
            .map { receipt($0, duplicate: false) }
    }

    static func odata(_ req: Request) async throws -> Response? {
        try await RoundODataFeed.submissions(req)
    }

    private static func receipt(_ round: MonitoringRound, duplicate: Bool) -> ODKReceipt {
        ODKReceipt(
            instanceID: round.instanceID ?? round.id?.uuidString ?? "", submitterID: round.submitterID,
            receivedAt: round.createdAt ?? Date(), duplicate: duplicate,
            message: duplicate ? "This submission was already received." : "Thank you: the round is recorded.")
    }
}
