import Fluent
import Vapor

/// `limit` and `offset` of a list request, clamped to what the server will send in one go.
struct PageRequest: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 500
    /// Past any list Haven holds (a million feedback items); keeps `offset + limit` far from overflowing.
    static let maxOffset = 100_000_000

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
        guard let value = Int(text), (0...maxOffset).contains(value) else {
            throw HavenError.invalid([FieldError(name, "must be a whole number from 0 to \(Format.number(maxOffset))")])
        }
        return value
    }

    var pageNumber: Int { offset / limit + 1 }

    /// The rows of this page, for a query's `range`.
    var rows: Range<Int> { offset..<(offset + limit) }
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
        let items = try await self.copy().range(request.rows).all()
        return (items, total)
    }
}
