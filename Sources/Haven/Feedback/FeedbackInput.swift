import Foundation

/// Feedback as staff, a partner system or ODK record it.
public struct FeedbackInput: Codable, Equatable, Sendable {
    public var siteId: UUID
    public var channel: FeedbackChannel
    /// A category code (`INFO`, `PSEA`, …).
    public var category: String
    public var sector: String?
    public var description: String
    public var contact: String?
    public var consentToContact: Bool
    public var wantsAnswer: Bool?
    public var receivedAt: Date?
    public var sex: FeedbackSex?
    public var ageGroup: FeedbackAgeGroup?
    public var disability: Bool?
}
