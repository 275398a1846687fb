/// What the search box finds, in the order the results page shows it: one line per capability.
enum SearchSources {
    static let all: [any SearchSource.Type] = [
        SiteSearch.self, AreaSearch.self, OrganisationSearch.self, ActivityTypeSearch.self, FeedbackSearch.self,
        ReportSearch.self,
    ]
}
