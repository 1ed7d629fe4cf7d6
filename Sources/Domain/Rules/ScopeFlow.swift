import Foundation

/// A scope version is proposed, then signed off by an approving contact; a newer proposal supersedes it.
public enum ScopeStatus: String, CaseIterable, Codable, Sendable {
    case proposed
    case signedOff = "signed_off"
    case superseded
}

public enum ScopeFlow {
    /// Whether a version in `status` can be signed off now: what pages offer, and what waits on the customer.
    public static func canSignOff(_ status: ScopeStatus) -> Bool { (try? signOff(status)) != nil }

    /// Only the current proposal can be signed off.
    public static func signOff(_ status: ScopeStatus) throws -> ScopeStatus {
        guard status == .proposed else {
            throw DomainError.conflict("only a proposed scope version can be signed off; this one is \(status.rawValue)")
        }
        return .signedOff
    }

    /// What happens to older versions when a new one is proposed: open proposals are superseded,
    /// a signed-off version stays signed off until the new one is signed.
    public static func onNewProposal(_ status: ScopeStatus) -> ScopeStatus {
        status == .proposed ? .superseded : status
    }

    /// When a newer version is signed off, the previously signed one is superseded.
    public static func onNewerSignOff(_ status: ScopeStatus) -> ScopeStatus {
        status == .signedOff ? .superseded : status
    }
}
