import Vapor

/// A CSV file streamed as it is written, so an export of any size keeps memory flat and starts arriving at once:
/// a UTF-8 byte-order mark, the header row, the HXL hashtag row under it, then the rows `fill` hands over batch
/// by batch.
enum CSVDownload {
    typealias Rows = @Sendable ([[String]]) async throws -> Void

    /// `numeric` marks the columns written as they are (numbers); every other field is neutralised against
    /// spreadsheet formulas.
    static func response(
        filename: String, header: [String], hashtags: [String], numeric: [Bool] = [],
        fill: @escaping @Sendable (_ write: Rows) async throws -> Void
    ) -> Response {
        let response = Response(
            status: .ok,
            body: .init(managedAsyncStream: { writer in
                // The byte-order mark tells Excel the file is UTF-8; without it accents and Arabic came out garbled.
                try await writer.writeBuffer(
                    ByteBuffer(string: "\u{FEFF}" + CSV.line(header) + "\r\n" + CSV.line(hashtags) + "\r\n"))
                try await fill { rows in
                    // An empty chunk would end a chunked body before its real end.
                    guard !rows.isEmpty else { return }
                    let text = rows.map { CSV.exportLine($0, numeric: numeric) + "\r\n" }.joined()
                    try await writer.writeBuffer(ByteBuffer(string: text))
                }
            }))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }
}
