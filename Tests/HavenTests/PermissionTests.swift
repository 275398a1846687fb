import Foundation
import Testing

@testable import Haven

/// The rule book read exhaustively: every role against every permission, in and out of scope.
@Suite struct PermissionTests {
    static let myOrg = UUID(), otherOrg = UUID(), mySite = UUID(), otherSite = UUID()

    static func user(_ role: Role) -> UserContext {
        UserContext(
            id: UUID(), email: "x@y.z", name: "", role: role,
            organisationID: [.partner, .siteManager].contains(role) ? myOrg : nil,
            siteIDs: role == .siteManager ? [mySite] : [])
    }

    /// Permissions in a fixed order; the expectations below are columns in this order.
    static let permissions: [(String, Permission)] = [
        ("read", .readOperationalData),
        ("gazetteer", .editGazetteer),
        ("catalogue", .editCatalogue),
        ("create org", .createOrganisation),
        ("edit own org", .editOrganisation(myOrg)),
        ("edit other org", .editOrganisation(otherOrg)),
        ("create site", .createSite),
        ("edit assigned site", .editSite(SiteScope(id: mySite, managementAgencyID: otherOrg))),
        ("edit site of own org", .editSite(SiteScope(id: otherSite, managementAgencyID: myOrg))),
        ("edit other site", .editSite(SiteScope(id: otherSite, managementAgencyID: otherOrg))),
        ("edit unmanaged site", .editSite(SiteScope(id: otherSite, managementAgencyID: nil))),
        ("archive site", .archiveSite(SiteScope(id: mySite, managementAgencyID: myOrg))),
        ("count assigned site", .recordPopulation(SiteScope(id: mySite, managementAgencyID: nil))),
        ("count site of own org", .recordPopulation(SiteScope(id: otherSite, managementAgencyID: myOrg))),
        ("count other site", .recordPopulation(SiteScope(id: otherSite, managementAgencyID: otherOrg))),
        ("monitor assigned site", .recordMonitoring(SiteScope(id: mySite, managementAgencyID: nil))),
        ("monitor site of own org", .recordMonitoring(SiteScope(id: otherSite, managementAgencyID: myOrg))),
        ("monitor other site", .recordMonitoring(SiteScope(id: otherSite, managementAgencyID: otherOrg))),
        ("upload rounds", .uploadRounds),
        ("upload 5W", .uploadActivities),
        ("5W of own org", .recordActivity(myOrg)),
        ("5W of other org", .recordActivity(otherOrg)),
        ("lock months", .lockMonths),
        ("response plan", .editResponsePlan),
        ("situation report", .writeReports),
        ("users", .manageUsers),
        ("audit trail", .readAuditTrail),
    ]

    static let expected: [Role: String] = [
        //                read gaz cat cOrg own oth cSite asg org oth unm arch cAsg cOrg cOth mAsg mOrg mOth upl u5W 5Wo 5Wx lock plan sitrep users audit
        .administrator:
            "1    1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1",
        .coordinator:
            "1    1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   1   0   0",
        .siteManager:
            "1    0   0   0   0   0   0   1   0   0   0   0   1   0   0   1   0   0   1   1   1   0   0   0   0   0   0",
        .partner:
            "1    0   0   0   1   0   0   0   1   0   0   0   0   1   0   0   1   0   1   1   1   0   0   0   0   0   0",
        .viewer:
            "1    0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0",
    ]

    @Test(arguments: Role.allCases)
    func matrix(role: Role) {
        let row = Self.expected[role]!.split(separator: " ").map { $0 == "1" }
        #expect(row.count == Self.permissions.count)
        let user = Self.user(role)
        for ((name, permission), allowed) in zip(Self.permissions, row) {
            #expect(permission.isGranted(to: user) == allowed, "\(role.rawValue) / \(name)")
        }
    }
}
