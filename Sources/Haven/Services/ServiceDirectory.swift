import Fluent
import Vapor

/// Adding and changing a site's services: those who may change the site may change its directory.
enum ServiceDirectory {
    static func save(_ body: ServiceBody, into service: Service?, by user: UserContext, on db: any Database)
        async throws -> Service
    {
        let site = try await Site.find(body.siteId, on: db)
        if let site { try requirePermission(site, user) }
        let provider = try await Organisation.find(body.providerId, on: db)
        try HavenError.check(
            ServiceRules.check(body, siteKnown: site != nil && site?.archivedAt == nil, providerKnown: provider != nil))
        let target = service ?? Service()
        let before = target.id == nil ? nil : target.auditFields
        target.$site.id = body.siteId
        target.sector = ResponseSector.named(body.sector)!.code
        target.$provider.id = body.providerId
        target.name = body.name.trimmed
        (target.location, target.hours, target.contact, target.referralFocalPoint) =
            (
                body.location?.trimmed ?? "", body.hours?.trimmed ?? "", body.contact?.trimmed ?? "",
                body.referralFocalPoint?.trimmed ?? ""
            )
        if let before {
            try await Audit.update(target, before: before, by: user.actor, on: db)
        } else {
            try await Audit.create(target, by: user.actor, on: db)
        }
        return target
    }

    static func requirePermission(_ site: Site, _ user: UserContext) throws {
        guard Permission.editSite(site.scope).isGranted(to: user) else {
            throw HavenError.forbidden(
                "Your role (\(user.role.label)) does not allow you to change this site's services.")
        }
    }
}
