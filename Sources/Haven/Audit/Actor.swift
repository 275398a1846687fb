import Foundation

/// Who made a change: a signed-in user, or the command line run by an operator.
public struct Actor: Sendable, Equatable {
    public var userID: UUID?
    public var label: String

    public init(userID: UUID?, label: String) {
        self.userID = userID
        self.label = label
    }

    public static func commandLine(_ command: String) -> Actor {
        Actor(userID: nil, label: "command line (\(command))")
    }
}
