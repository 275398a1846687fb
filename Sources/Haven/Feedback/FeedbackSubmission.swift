import Foundation

/// A filled-in feedback form as ODK sends it.
struct FeedbackSubmission: Equatable {
    var instanceID: String
    var siteCode: String
    /// Everything but the site, which is found by its code when the submission is received.
    var input: FeedbackInput

    /// Reads what the form holds; every problem is named, nothing is guessed. Whether the category and the site
    /// exist is for the register to say.
    static func parse(_ submission: ODKSubmission) throws -> FeedbackSubmission {
        var errors: [FieldError] = []
        let (instanceID, site) = submission.identity(&errors)
        let values = submission.values
        func answer<T>(_ name: String, _ read: (String) -> T?, expected: String) -> T? {
            guard let raw = values[name], !raw.isEmpty else { return nil }
            guard let value = read(raw) else {
                errors.append(FieldError(name, "'\(raw)' is not \(expected)"))
                return nil
            }
            return value
        }
        let yesNo: (String) -> Bool? = { ["yes": true, "no": false][$0] }
        let receivedAt = answer("start", ODKTime.parse, expected: "a date and time")
        let wantsAnswer = answer("wants_answer", yesNo, expected: "yes or no")
        let consent = answer("consent", yesNo, expected: "yes or no")
        let sex = answer("sex", FeedbackSex.init(rawValue:), expected: "one of \(FeedbackSex.codeList)")
        let ageGroup = answer(
            "age_group", FeedbackAgeGroup.init(rawValue:), expected: "one of \(FeedbackAgeGroup.codeList)")
        let disability = answer("disability", yesNo, expected: "yes or no")
        try HavenError.check(errors)
        return FeedbackSubmission(
            instanceID: instanceID, siteCode: site,
            input: FeedbackInput(
                siteId: UUID(), channel: .odk, category: values["category"] ?? "", sector: values["sector"].nonEmpty,
                description: values["description"] ?? "",
                contact: consent == true ? values["contact"].nonEmpty : nil, consentToContact: consent ?? false,
                wantsAnswer: wantsAnswer,
                receivedAt: receivedAt, sex: sex, ageGroup: ageGroup, disability: disability))
    }
}
