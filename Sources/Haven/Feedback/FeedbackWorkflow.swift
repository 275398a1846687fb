import Foundation

/// A step of the workflow, as a person or a partner system asks for it.
public struct FeedbackTransition: Codable, Equatable, Sendable {
    public var to: FeedbackStatus
    /// For a referral: the organisation that takes the case over, and its focal point.
    public var organisationId: UUID?
    public var focalPoint: String?
    /// For a response: what the person was told.
    public var response: String?
    /// For closure: how the person was told (help desk, phone, community meeting…), and how they felt about it.
    public var closedVia: FeedbackChannel?
    public var satisfaction: FeedbackSatisfaction?

    public init(
        to: FeedbackStatus, organisationId: UUID? = nil, focalPoint: String? = nil, response: String? = nil,
        closedVia: FeedbackChannel? = nil, satisfaction: FeedbackSatisfaction? = nil
    ) {
        (self.to, self.organisationId, self.focalPoint, self.response, self.closedVia, self.satisfaction) =
            (to, organisationId, focalPoint, response, closedVia, satisfaction)
    }
}

/// The workflow: new → acknowledged → referred / in progress → responded → closed, each step checked.
enum FeedbackWorkflow {
    static let allowed: [FeedbackStatus: Set<FeedbackStatus>] = [
        .new: [.acknowledged, .referred, .inProgress, .responded, .closed],
        .acknowledged: [.referred, .inProgress, .responded, .closed],
        .referred: [.inProgress, .responded, .referred],
        .inProgress: [.referred, .responded],
        .responded: [.closed, .inProgress],
        .closed: [],
    ]

    /// Why the step cannot be taken, field by field; empty when it can.
    static func check(_ step: FeedbackTransition, from status: FeedbackStatus, wantsAnswer: Bool) -> [FieldError] {
        var errors = TextRules.problems([("focalPoint", step.focalPoint, .name), ("response", step.response, .note)])
        guard allowed[status, default: []].contains(step.to) else {
            let next = FeedbackStatus.allCases.filter { allowed[status, default: []].contains($0) }.map(\.rawValue)
            return [
                FieldError(
                    "to",
                    "an item that is \(status.rawValue) cannot become \(step.to.rawValue)"
                        + (next.isEmpty ? "; it is closed" : "; next steps: \(next.joined(separator: ", "))"))
            ]
        }
        switch step.to {
        case .referred:
            if step.organisationId == nil {
                errors.append(FieldError("organisationId", "say which organisation takes the case over"))
            }
        case .responded:
            if step.response.nonEmpty == nil { errors.append(FieldError("response", "say what the person was told")) }
        case .closed:
            if wantsAnswer && status != .responded {
                errors.append(FieldError("to", "the person asked for an answer: record the response before closing"))
            }
            if wantsAnswer && step.closedVia == nil {
                errors.append(FieldError("closedVia", "say how the person was told"))
            }
        default:
            break
        }
        return errors
    }
}
