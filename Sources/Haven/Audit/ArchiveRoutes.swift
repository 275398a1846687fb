import Vapor

extension RoutesBuilder {
    /// `POST …/archive` and `POST …/restore` for one kind of record, answered by one handler told which: deletes are
    /// archives everywhere, and each record's rule for who may do it lives in one place.
    func archiveAndRestore<Answer: AsyncResponseEncodable>(
        _ path: PathComponent...,
        use handler: @escaping @Sendable (_ archived: Bool, Request) async throws -> Answer
    ) {
        post(path + ["archive"]) { try await handler(true, $0) }
        post(path + ["restore"]) { try await handler(false, $0) }
    }

    /// The same for a page's record at `address`.
    func archiveAndRestore<Answer: AsyncResponseEncodable>(
        _ address: Address, use handler: @escaping @Sendable (_ archived: Bool, Request) async throws -> Answer
    ) {
        post(address.archive) { try await handler(true, $0) }
        post(address.restore) { try await handler(false, $0) }
    }
}
