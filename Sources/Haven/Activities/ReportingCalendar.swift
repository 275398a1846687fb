/// Which months an organisation owes its 5W report for, as a plain function.
enum ReportingCalendar {
    /// The months from the organisation's first report (at most `window` months back) to the month before
    /// `current` in which it reported nothing, oldest first. The current month is still open, so never missing;
    /// an organisation that has never reported owes nothing yet.
    static func missingMonths(reported: Set<ReportingMonth>, current: ReportingMonth, window: Int = 12)
        -> [ReportingMonth]
    {
        guard let first = reported.min() else { return [] }
        let start = max(first, current.adding(months: -window))
        var missing: [ReportingMonth] = []
        var month = start
        while month < current {
            if !reported.contains(month) { missing.append(month) }
            month = month.adding(months: 1)
        }
        return missing
    }
}

extension ReportingMonth {
    func adding(months: Int) -> ReportingMonth { ReportingMonth(firstDay.adding(months: months)) }
}
