import Foundation
import Vapor

/// Every text a web form posts meets the bounds all texts share (`TextRules.bodyProblems`): a page's own
/// rules then see only bounded, clean text. Files (multipart uploads) are read by the imports' own bounds.
struct FormTexts: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, request.headers.contentType == .urlEncodedForm,
            let body = try await request.body.collect(max: CSRFMiddleware.largestForm).get()
        else {
            return try await next.respond(to: request)
        }
        try HavenError.check(TextRules.bodyProblems(Self.fields(String(buffer: body))))
        return try await next.respond(to: request)
    }

    /// The name and value of each field, decoded as a browser encodes them (`+` for a space, `%XX`).
    static func fields(_ body: String) -> [String: Any] {
        var fields: [String: Any] = [:]
        for (index, pair) in body.split(separator: "&").enumerated() {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let name = decoded(parts[0])
            // Repeated names (several sites ticked) are kept apart by their position.
            fields[fields[name] == nil ? name : "\(name).\(index)"] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return fields
    }
}
