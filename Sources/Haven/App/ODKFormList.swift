extension ODKForms {
    /// Every form Haven offers ODK clients, one line each.
    static let all: [any ODKForm.Type] = [MonitoringXForm.self, FeedbackXForm.self]
}
