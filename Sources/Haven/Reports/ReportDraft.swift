/// The first wording of a month's report, put together from the sections' parts; the IM officer edits it from
/// there. A plain function of its values, so the draft can be tested without a database.
enum ReportDraft {
    static func title(_ month: ReportingMonth) -> String {
        "Situation report: \(Format.monthName(month))"
    }

    static func markdown(_ month: ReportingMonth, parts: [ReportPart], draftedOn: CalendarDay) -> String {
        var lines = [
            "# \(title(month))", "",
            "*Drafted by Haven on \(Format.day(draftedOn)) from the data recorded by then. Figures are as at the end"
                + " of each month, beside the month before.*", "",
            "## Key figures", "",
        ]
        let figures = parts.flatMap(\.figures)
        lines.append(
            Markdown.table(
                ["", Format.month(month), Format.month(month.adding(months: -1)), "Change"],
                figures.map { [Markdown.escaped($0.label), $0.shown, $0.shownPrevious, $0.change] },
                numbers: [1, 2, 3]))
        for part in parts {
            lines += ["", "## \(Markdown.escaped(part.title))", "", part.markdown]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
