import Foundation

/// open → submitted → accepted, or returned (with a comment) and submitted again.
public enum DeliverableStatus: String, CaseIterable, Codable, Sendable {
    case open, submitted, accepted, returned
}

public enum DeliverableAction: String, Sendable {
    case submit, accept, `return`
}

public enum DeliverableFlow {
    /// Whether `action` is possible from `status` (a return still needs its comment): what pages offer.
    public static func allows(_ action: DeliverableAction, from status: DeliverableStatus) -> Bool {
        (try? next(from: status, on: action, comment: "offered")) != nil
    }

    /// Who the deliverable waits on now: the customer to decide, the team to rework, or nobody.
    public static func waitsOnCustomer(_ status: DeliverableStatus) -> Bool { allows(.accept, from: status) }
    public static func waitsOnTeam(_ status: DeliverableStatus) -> Bool { status == .returned }

    /// The status after `action`, or a conflict naming why the action is not possible now.
    public static func next(from status: DeliverableStatus, on action: DeliverableAction, comment: String?) throws -> DeliverableStatus {
        switch (status, action) {
        case (.open, .submit), (.returned, .submit):
            return .submitted
        case (.submitted, .accept):
            return .accepted
        case (.submitted, .return):
            guard let comment, !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DomainError.validation(field: "comment", rule: .returnNeedsComment)
            }
            return .returned
        default:
            throw DomainError.conflict(
                "a deliverable that is \(status.rawValue) cannot be \(action == .submit ? "submitted" : action == .accept ? "accepted" : "returned")")
        }
    }
}
