import Fluent
import Vapor

/// `limit` and `offset` of a list request, clamped to what the server will send in one go.
struct PageRequest: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 500

    var limit: Int
    var offset: Int

    init(limit: Int? = nil, offset: Int? = nil) {
        self.limit = min(max(limit ?? Self.defaultLimit, 1), Self.maxLimit)
        self.offset = max(offset ?? 0, 0)
    }

    init(_ request: Request) throws {
        let limit = try Self.integer("limit", request)
        let offset = try Self.integer("offset", request)
        self.init(limit: limit, offset: offset)
    }

    private static func integer(_ name: String, _ request: Request) throws -> Int? {
        guard let text: String = request.query[name], !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw HavenError.invalid([FieldError(name, "must be a whole number of 0 or more")])
        }
        return value
    }

    var pageNumber: Int { offset / limit + 1 }
}

/// The envelope of every list the API returns.
struct Page<Item: Content>: Content {
    var items: [Item]
    var total: Int
    var limit: Int
    var offset: Int

    init(items: [Item], total: Int, request: PageRequest) {
        self.items = items
        self.total = total
        self.limit = request.limit
        self.offset = request.offset
    }
}

extension QueryBuilder {
    /// Runs the count and the page of a list query.
    func fetchPage(_ request: PageRequest) async throws -> (items: [Model], total: Int) {
        let total = try await self.copy().count()
        let items = try await self.copy().range(request.offset..<(request.offset + request.limit)).all()
        return (items, total)
    }
}
