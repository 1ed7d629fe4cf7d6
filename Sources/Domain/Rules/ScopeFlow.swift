import Foundation

/// A scope version is proposed, then signed off by an approving contact, or sent back with requested changes;
/// a newer proposal supersedes an open one.
public enum ScopeStatus: String, CaseIterable, Codable, Sendable {
    case proposed
    case signedOff = "signed_off"
    case superseded
    case changesRequested = "changes_requested"
}

public enum ScopeFlow {
    /// Whether a version in `status` can be signed off now: what pages offer, and what waits on the customer.
    public static func canSignOff(_ status: ScopeStatus) -> Bool { (try? signOff(status)) != nil }

    /// Whether the newest version, in `status`, waits on the team: the customer sent it back for a new proposal.
    public static func waitsOnTeam(newest status: ScopeStatus) -> Bool { status == .changesRequested }

    /// Only the current proposal can be signed off.
    public static func signOff(_ status: ScopeStatus) throws -> ScopeStatus {
        guard status == .proposed else {
            throw DomainError.conflict("only a proposed scope version can be signed off; this one is \(status.rawValue)")
        }
        return .signedOff
    }

    /// Only the current proposal can be sent back, and only with a comment saying what should change.
    public static func requestChanges(_ status: ScopeStatus, comment: String?) throws -> ScopeStatus {
        guard let comment, !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError.validation(field: "comment", rule: .scopeChangesComment)
        }
        guard status == .proposed else {
            throw DomainError.conflict("only a proposed scope version can be sent back; this one is \(status.rawValue)")
        }
        return .changesRequested
    }

    /// What happens to older versions when a new one is proposed: open proposals are superseded,
    /// a signed-off version stays signed off until the new one is signed, and a version sent back keeps its
    /// status (the request for changes stays on record).
    public static func onNewProposal(_ status: ScopeStatus) -> ScopeStatus {
        status == .proposed ? .superseded : status
    }

    /// When a newer version is signed off, the previously signed one is superseded.
    public static func onNewerSignOff(_ status: ScopeStatus) -> ScopeStatus {
        status == .signedOff ? .superseded : status
    }
}
