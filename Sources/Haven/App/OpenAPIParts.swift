extension OpenAPIDocument {
    /// Each capability's operations and the schemas they name, one line each.
    static var parts: [(operations: [Operation], schemas: [String: Any])] {
        [
            (sessionOperations, Schemas.sessionSchemas),
            (siteOperations, Schemas.siteSchemas),
            (populationOperations, Schemas.populationSchemas),
            (adminAreaOperations, Schemas.adminAreaSchemas),
            (organisationOperations, Schemas.organisationSchemas),
            (userOperations, Schemas.userSchemas),
            (accountOperations, Schemas.accountSchemas),
            (auditOperations, Schemas.auditSchemas),
            (indicatorOperations, Schemas.indicatorSchemas),
            (roundOperations, Schemas.roundSchemas),
            (gapAnalysisOperations, Schemas.gapAnalysisSchemas),
            (activityOperations, Schemas.activitySchemas),
            (activityImportOperations, Schemas.activityImportSchemas),
            (monthLockOperations, Schemas.monthLockSchemas),
            (responseAnalysisOperations, Schemas.responseAnalysisSchemas),
            (targetOperations, Schemas.targetSchemas),
            (presenceOperations, Schemas.presenceSchemas),
            (activityCatalogueOperations, Schemas.activityCatalogueSchemas),
            (feedbackCategoryOperations, Schemas.feedbackCategorySchemas),
            (feedbackOperations, Schemas.feedbackSchemas),
            (serviceOperations, Schemas.serviceSchemas),
            (feedbackFiguresOperations, Schemas.feedbackFiguresSchemas),
            (searchOperations, Schemas.searchSchemas),
            (needsOperations, Schemas.needsSchemas),
            (reportOperations, Schemas.reportSchemas),
        ]
    }
}
