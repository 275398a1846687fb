/// One reason a piece of input was refused, tied to the field it came from.
public struct FieldError: Codable, Hashable, Sendable {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

extension Array where Element == FieldError {
    /// The first message for a field, for showing next to it in a form.
    func message(for field: String) -> String? {
        first { $0.field == field }?.message
    }
}
