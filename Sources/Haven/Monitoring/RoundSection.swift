import Foundation
import Plot

/// A site's monitoring on its page: the latest round's scores and unmet standards, then the history.
enum RoundSection {
    static func render(_ rounds: [MonitoringRound]) -> Node<HTML.BodyContext> {
        guard let latest = rounds.first else { return .p("No monitoring round has been recorded for this site yet.") }
        let scores = latest.scores
        return .group(
            .p(
                .text("Latest round: \(Format.day(latest.conductedOn))"),
                .text(latest.keyInformants.isEmpty ? "" : " · key informants: \(latest.keyInformants)"),
                .text(" · population used: \(Format.number(latest.population))"),
                .text(" · catalogue version \(latest.catalogueVersion)")),
            .div(
                .class("legend"),
                .span("Overall "), chip(latest.overallSeverity.flatMap(Severity.init(rawValue:))),
                .forEach(scores.sectors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }) { sector, severity in
                    .span(.text(" \(sector) "), chip(severity))
                }),
            .if(
                !scores.unmet.isEmpty,
                .group(
                    .h3("Standards not met"),
                    .ul(.forEach(scores.unmet) { .li(chip($0.severity), .text(" \($0.sentence)")) }))),
            .if(
                rounds.count > 1,
                .div(
                    .class("noprint"),
                    .h3("Earlier rounds"),
                    .table(
                        .thead(
                            .tr(.th("Date"), .th("Overall"), .th("Sectors at 3 or worse"), .th(.class("num"), "People"))
                        ),
                        .tbody(
                            .forEach(rounds) { round in
                                .tr(
                                    .td(.text(Format.day(round.conductedOn))),
                                    .td(chip(round.overallSeverity.flatMap(Severity.init(rawValue:)))),
                                    .td(
                                        .text(
                                            round.sectorSeverities.filter { $0.value.isInNeed }.keys.sorted().joined(
                                                separator: ", "))),
                                    .td(.class("num"), .text(Format.number(round.population))))
                            })))))
    }

    static func chip(_ severity: Severity?) -> Node<HTML.BodyContext> {
        guard let severity else { return .span("–") }
        return .span(
            .class("sev sev\(severity.rawValue)"),
            .attribute(named: "title", value: MarkupText.escaped(severity.label)),
            .text(String(severity.rawValue)))
    }
}
