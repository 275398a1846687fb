/// Every section of the monthly situation report, in this order, one line each.
enum ReportSections {
    static let all: [any ReportSection.Type] = [
        SitesInReport.self, MonitoringInReport.self, ResponseInReport.self, FeedbackInReport.self,
    ]
}
