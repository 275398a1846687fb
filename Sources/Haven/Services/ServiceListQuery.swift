import Fluent
import Foundation

/// A site's services with the short names of the organisations that provide them.
struct ServiceListing: Sendable {
    var site: Site
    var services: [Service]
    var providers: [UUID: String]
}

/// The live services of one site or of the whole operation, by sector and name: what the staff directory, the
/// residents' poster and the API list.
enum ServiceListQuery {
    static func query(site: UUID?, sector: String? = nil, on db: any Database) -> QueryBuilder<Service> {
        let query = Service.query(on: db).live()
        if let site { query.filter(\.$site.$id == site) }
        if let sector { query.filter(\.$sector == sector) }
        return query.sort(\.$sector).sort(\.$name)
    }

    static func listing(of site: Site, on db: any Database) async throws -> ServiceListing {
        let services = try await query(site: site.requireID(), on: db).all()
        let ids = Array(Set(services.map { $0.$provider.id }))
        let providers = ids.isEmpty ? [] : try await Organisation.query(on: db).filter(\.$id ~~ ids).all()
        return ServiceListing(
            site: site, services: services,
            providers: Dictionary(
                providers.compactMap { org in org.id.map { ($0, org.shortName) } }, uniquingKeysWith: { a, _ in a }))
    }
}
