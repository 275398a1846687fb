import Foundation

/// The signed-in person as the permission rules see them.
public struct UserContext: Sendable, Equatable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: Role
    public var organisationID: UUID?
    /// Sites a site manager is assigned to.
    public var siteIDs: Set<UUID>
    /// Designated to handle sensitive feedback (exploitation and abuse, safeguarding, GBV, fraud, security).
    public var feedbackFocalPoint = false
    /// The language the person reads Haven in; empty for the operation's first language.
    public var language = ""

    var actor: Actor { Actor(userID: id, label: email) }
}

/// What a site is, as far as deciding who may change it goes.
public struct SiteScope: Sendable, Equatable {
    public var id: UUID
    public var managementAgencyID: UUID?
}

/// What decides who may see and handle a piece of feedback.
public struct FeedbackScope: Sendable, Equatable {
    public var siteID: UUID
    /// The organisation that manages the item's site.
    public var managementAgencyID: UUID?
    /// The organisation the case was referred to.
    public var referredToID: UUID?
    public var sensitive: Bool
}
