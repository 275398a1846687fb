import Foundation
import Plot

/// Each target of the plan with the people reached toward it, a bar, and how the reach divides.
struct ProgressView {
    var user: UserContext
    /// What the area filter suggests.
    var areas = AreaSuggestions()
    var query: ProgressQuery
    var targets: [ResponseTarget]
    var progress: [ResponseProgress.Progress]
    var names: ActivityNames
    var form: [String: String]
    var errors: [FieldError]
    var csrf: String

    private var canEdit: Bool { Permission.editResponsePlan.isGranted(to: user) }

    func render() -> String {
        Layout.page(
            "Progress", user: user,
            .h1("Progress against the response plan"),
            ActivityLinks.bar(current: Paths.progress, user: user),
            .p(
                .class("hint"),
                "People reached add up the 5W lines of each target's months (each line reports the people reached that month), in its sector, activity and area; cancelled and archived lines are left out."
            ),
            filters,
            Paths.progressDownload.links(
                [("sector", query.sector), ("adminArea", query.adminArea)].reduce(into: [:]) { $0[$1.0] = $1.1 }),
            targets.isEmpty
                ? .p("No targets yet.", .if(canEdit, .text(" Set the plan's first target below.")))
                : .div(.class("table-wrap"), table),
            .if(canEdit, addForm))
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .class("filters"), .method(.get), .action(Paths.progress),
            FilterFields.sector(selected: query.sector),
            FilterFields.area(query.adminArea, suggestions: areas),
            .label(
                "Divide by",
                .select(
                    .attribute(named: "name", value: "by"), Layout.option("", "Nothing"),
                    .forEach(ResponseProgress.Dimension.allCases) {
                        Layout.option($0.rawValue, $0.label, selected: $0 == query.dimension)
                    })),
            .button(.type(.submit), "Show"))
    }

    private func title(_ target: ResponseTarget) -> String {
        if !target.indicator.isEmpty { return target.indicator }
        if !target.activityCode.isEmpty {
            return "People reached: " + (names.activities[target.activityCode] ?? target.activityCode)
        }
        return "People reached: " + (ResponseSector.named(target.sector)?.name ?? target.sector)
    }

    private var table: Node<HTML.BodyContext> {
        .table(
            .thead(
                .tr(
                    .th("Target"), .th("Where"), .th(.class("hide-narrow"), "Months"), .th(.class("num"), "Target"),
                    .th(.class("num"), "Reached"),
                    .th(.class("num hide-narrow"), "Partners target"), .th("Progress"),
                    .if(canEdit, .th(.class("noprint"), "")))),
            .tbody(
                .forEach(Array(zip(targets, progress))) { target, p in
                    .group(
                        .tr(
                            .td(
                                .text(title(target)), .br(),
                                .small(
                                    .text(
                                        [target.sector, target.activityCode].filter { !$0.isEmpty }.joined(
                                            separator: " · ")))),
                            .td(
                                .text(
                                    target.areaPcode.isEmpty
                                        ? "Whole operation" : ProgressQuery.label(target.areaPcode, .area, names))),
                            .td(.class("hide-narrow"), .text("\(target.fromMonth) to \(target.toMonth)")),
                            .td(.class("num"), .text(Format.number(target.people))),
                            .td(.class("num"), .text(Format.number(p.reached))),
                            .td(.class("num hide-narrow"), .text(Format.number(p.targetedByPartners))),
                            .td(
                                .class("progress"), .strong(.text("\(Format.decimal(p.percent, digits: 0))%")),
                                .raw(Charts.progressBar(reached: p.reached, target: target.people))),
                            .if(
                                canEdit,
                                .td(
                                    .class("noprint"),
                                    Layout.form(
                                        action: Paths.archiveTarget.link(target.id!), csrf: csrf,
                                        .button(.type(.submit), .class("secondary"), "Archive"))))),
                        .if(
                            !p.parts.isEmpty,
                            .tr(
                                .td(
                                    .attribute(named: "colspan", value: "8"),
                                    .raw(
                                        Charts.bars(
                                            p.parts.prefix(12).map {
                                                (ProgressQuery.label($0.key, query.dimension, names), $0.reached)
                                            },
                                            title: "People reached by \(query.dimension?.label ?? "")")),
                                    .if(p.parts.count > 12, .small(.text("and \(p.parts.count - 12) more")))))))
                }))
    }

    private var addForm: Node<HTML.BodyContext> {
        let thisYear = CalendarDay.today().year
        return .section(
            .class("noprint"),
            .h2("Set a target"),
            .unwrap(errors.first { $0.field == "sector" && $0.message.contains("already") }) {
                .p(.class("error"), .text($0.message))
            },
            Layout.form(
                action: Paths.targets.link(), csrf: csrf,
                Layout.select(
                    "sector", "Sector", options: ResponseSector.all.map { ($0.code, $0.name) },
                    selected: form["sector"], errors: errors),
                Layout.field(
                    "activity", "Activity code (empty for the whole sector)", value: form["activity"], errors: errors,
                    hint: "e.g. WASH-06"),
                Layout.field(
                    "adminArea", "Area P-code (empty for the whole operation)", value: form["adminArea"], errors: errors
                ),
                Layout.field("indicator", "Indicator as the plan words it", value: form["indicator"], errors: errors),
                Layout.field(
                    "fromMonth", "From (yyyy-mm)", value: form["fromMonth"] ?? "\(thisYear)-01", errors: errors,
                    required: true),
                Layout.field(
                    "toMonth", "To (yyyy-mm)", value: form["toMonth"] ?? "\(thisYear)-12", errors: errors,
                    required: true),
                Layout.field(
                    "people", "People to reach", value: form["people"], errors: errors, type: .number, required: true),
                Layout.field("comment", "Comment", value: form["comment"], errors: errors),
                .button(.type(.submit), "Set the target")))
    }
}
