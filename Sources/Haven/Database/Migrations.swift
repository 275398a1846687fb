import Fluent

/// Every schema change in the order it was made; run at start by `serve` and by `haven migrate`.
enum Migrations {
    static let all: [any Migration] = [
        CreateAdminAreas(),
        CreateOrganisations(),
        CreateSites(),
        CreatePopulationCounts(),
        CreateUsers(),
        CreateAuditEvents(),
        CreateStagedImports(),
        CreateIndicators(),
        CreateMonitoringRounds(),
        IndexMonitoringReads(),
        CreateAreaBoundaries(),
        CreateActivityTypes(),
        CreateActivities(),
        CreateLockedMonths(),
        CreateResponseTargets(),
        IndexActivityAnalysis(),
        AddFeedbackFocalPoint(),
        CreateFeedbackCategories(),
        CreateFeedback(),
        CreateServices(),
        CountFeedbackByMonth(),
        AddFeedbackSubmissions(),
        AddSiteCodeKeys(),
        IndexLiveActivityKeys(),
        IndexLiveTargets(),
        IndexCountDays(),
        CreateThrottleAttempts(),
        CreateFeedbackKeyChecks(),
        CreateImportJobs(),
        AddFeedbackSubmissionHashes(),
        IndexLiveActivityLists(),
        IndexFeedbackExport(),
    ]
}
