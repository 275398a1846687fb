import Fluent
import Foundation
import Vapor

/// A service residents of a site can use: what, who provides it, where and when, how to reach it, and who
/// takes referrals. Listed on the site's public poster beside how to give feedback.
final class Service: Model, Audited, @unchecked Sendable {
    static let schema = "services"
    static let auditEntity = "service"

    @ID(key: .id) var id: UUID?
    @Parent(key: "site_id") var site: Site
    @Field(key: "sector") var sector: String
    @Parent(key: "provider_id") var provider: Organisation
    @Field(key: "name") var name: String
    @Field(key: "location") var location: String
    @Field(key: "hours") var hours: String
    @Field(key: "contact") var contact: String
    @Field(key: "referral_focal_point") var referralFocalPoint: String
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    var auditLabel: String { name }
    var auditFields: [String: String] {
        [
            "site": $site.id.uuidString, "sector": sector, "provider": $provider.id.uuidString, "name": name,
            "location": location, "hours": hours,
            "contact": contact, "referralFocalPoint": referralFocalPoint,
        ]
    }
}

struct CreateServices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Service.schema)
            .id()
            .field("site_id", .uuid, .required, .references(Site.schema, "id"))
            .field("sector", .string, .required)
            .field("provider_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("name", .string, .required)
            .field("location", .string, .required)
            .field("hours", .string, .required)
            .field("contact", .string, .required)
            .field("referral_focal_point", .string, .required)
            .field("archived_at", .datetime)
            .create()
        try await database.createIndex("services_site", on: Service.schema, "site_id", "sector")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Service.schema).delete()
    }
}

/// A service as clients send and read it.
struct ServiceBody: Content {
    var id: UUID?
    var siteId: UUID
    var sector: String
    var providerId: UUID
    var name: String
    var location: String?
    var hours: String?
    var contact: String?
    var referralFocalPoint: String?
    var archived: Bool?

    init(
        siteId: UUID, sector: String, providerId: UUID, name: String, location: String?, hours: String?,
        contact: String?, referralFocalPoint: String?
    ) {
        (self.siteId, self.sector, self.providerId, self.name) = (siteId, sector, providerId, name)
        (self.location, self.hours, self.contact, self.referralFocalPoint) = (
            location, hours, contact, referralFocalPoint
        )
    }

    init(_ service: Service) {
        (id, siteId, sector, providerId, name) = (
            service.id, service.$site.id, service.sector, service.$provider.id, service.name
        )
        (location, hours, contact, referralFocalPoint, archived) =
            (service.location, service.hours, service.contact, service.referralFocalPoint, service.archivedAt != nil)
    }
}

/// What a service entry must hold.
enum ServiceRules {
    static func check(_ body: ServiceBody, siteKnown: Bool, providerKnown: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        if !siteKnown { errors.append(FieldError("siteId", "is not a site in Haven")) }
        if !providerKnown { errors.append(FieldError("providerId", "is not an organisation in Haven")) }
        if ResponseSector.named(body.sector) == nil {
            errors.append(
                FieldError(
                    "sector",
                    "'\(body.sector)' is not a sector of the response; use one of \(ResponseSector.all.map(\.code).joined(separator: ", "))"
                ))
        }
        if body.name.trimmed.isEmpty { errors.append(FieldError("name", "is required: what is offered")) }
        errors += TextRules.problems([
            ("name", body.name.trimmed, .name), ("location", body.location, .line), ("hours", body.hours, .line),
            ("contact", body.contact, .line), ("referralFocalPoint", body.referralFocalPoint, .line),
        ])
        return errors
    }
}
