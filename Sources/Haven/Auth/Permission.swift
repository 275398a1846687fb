import Foundation

/// Everything a route can ask permission for.
public enum Permission: Sendable, Equatable {
    case readOperationalData
    case editGazetteer
    case editCatalogue
    case createOrganisation
    case editOrganisation(UUID)
    case createSite
    case editSite(SiteScope)
    case archiveSite(SiteScope)
    case recordPopulation(SiteScope)
    case recordMonitoring(SiteScope)
    /// Upload a file of rounds; each row is then checked against `recordMonitoring` for its site.
    case uploadRounds
    /// Upload a 5W file; each row is then checked against `recordActivity` for its organisation.
    case uploadActivities
    /// Report, correct or archive 5W lines of the organisation that reports them.
    case recordActivity(UUID)
    /// Close a reporting month to changes, or reopen it.
    case lockMonths
    /// Set, correct or archive the response plan's targets.
    case editResponsePlan
    /// Draft, edit, publish or discard the monthly situation report, and read drafts.
    case writeReports
    case manageUsers
    case readAuditTrail
    /// Record feedback received at a site (help desk, hotline, mobile team…).
    case recordFeedback(SiteScope)
    /// Read one piece of feedback (what was said, the contact) and take its workflow steps.
    case handleFeedback(FeedbackScope)

    /// The single rule book: every route asks here, and the role matrix tests read it exhaustively.
    public func isGranted(to user: UserContext) -> Bool {
        // Sensitive feedback reaches its focal points only, whatever their role, before any other rule.
        if case .handleFeedback(let item) = self, item.sensitive {
            return user.feedbackFocalPoint && user.role != .viewer
        }
        return switch (user.role, self) {
        case (.administrator, _):
            true
        case (.coordinator, .manageUsers), (.coordinator, .readAuditTrail):
            false
        case (.coordinator, _):
            true
        case (_, .readOperationalData):
            true
        case (.siteManager, .editSite(let site)), (.siteManager, .recordPopulation(let site)),
            (.siteManager, .recordMonitoring(let site)),
            (.siteManager, .recordFeedback(let site)):
            user.siteIDs.contains(site.id)
        case (.partner, .editSite(let site)), (.partner, .recordPopulation(let site)),
            (.partner, .recordMonitoring(let site)),
            (.partner, .recordFeedback(let site)):
            site.managementAgencyID != nil && site.managementAgencyID == user.organisationID
        case (.siteManager, .handleFeedback(let item)):
            user.siteIDs.contains(item.siteID)
        case (.partner, .handleFeedback(let item)):
            user.organisationID != nil
                && (item.managementAgencyID == user.organisationID || item.referredToID == user.organisationID)
        case (.siteManager, .uploadRounds), (.partner, .uploadRounds), (.siteManager, .uploadActivities),
            (.partner, .uploadActivities):
            true
        case (.siteManager, .recordActivity(let organisation)), (.partner, .recordActivity(let organisation)):
            organisation == user.organisationID
        case (.partner, .editOrganisation(let id)):
            id == user.organisationID
        default:
            false
        }
    }
}
